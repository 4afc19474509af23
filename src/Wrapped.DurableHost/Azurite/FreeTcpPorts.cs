using System.Net;
using System.Net.Sockets;

namespace Wrapped.DurableHost.Azurite;

/// <summary>Asks the OS for unused loopback ports so parallel test processes never fight over fixed ones.</summary>
internal static class FreeTcpPorts
{
    /// <summary>Returns <paramref name="count"/> distinct ports that were free a moment ago.</summary>
    /// <remarks>
    /// The listeners are held open together so the OS cannot hand out the same port twice, then released;
    /// another process may still grab one before Azurite binds it, which the caller handles by retrying.
    /// </remarks>
    public static int[] Take(int count)
    {
        var listeners = new TcpListener[count];
        try
        {
            for (int i = 0; i < count; i++)
            {
                listeners[i] = new TcpListener(IPAddress.Loopback, 0);
                listeners[i].Start();
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (TcpListener? listener in listeners)
            {
                listener?.Stop();
            }
        }
    }

    /// <summary>True when something accepts TCP connections on the loopback port.</summary>
    public static async Task<bool> IsListeningAsync(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, ct);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
