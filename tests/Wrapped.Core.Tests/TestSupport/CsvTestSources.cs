using System.Text;
using Wrapped.Core.Csv;

namespace Wrapped.Core.Tests.TestSupport;

/// <summary>In-memory CSV inputs, so each test states its fixture text next to its assertions.</summary>
public static class CsvTestSources
{
    public static CsvSource FromText(string name, string text, bool withByteOrderMark = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (withByteOrderMark)
        {
            bytes = [.. Encoding.UTF8.Preamble, .. bytes];
        }

        return FromBytes(name, bytes);
    }

    public static CsvSource FromBytes(string name, byte[] bytes) => new(name, () => new MemoryStream(bytes, writable: false));

    /// <summary>Joins lines with the given line ending, ending the file with one too.</summary>
    public static string Lines(string lineEnding, params string[] lines) => string.Join(lineEnding, lines) + lineEnding;
}
