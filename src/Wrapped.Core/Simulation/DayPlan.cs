namespace Wrapped.Core.Simulation;

/// <summary>
/// Scratch buffers for one user-day: the plays chosen, grouped in sessions, and where each session was
/// placed. Reused from day to day; arrays only grow (doubling), so a steady run allocates nothing.
/// </summary>
internal sealed class DayPlan
{
    public const long NotPlaced = -1;

    public int[] PlayTrack = new int[128];
    public int[] PlayListeningMs = new int[128];
    public bool[] PlaySkipped = new bool[128];
    public int PlayCount;

    public int[] SessionFirstPlay = new int[16];
    public int[] SessionPlayCount = new int[16];
    public long[] SessionLengthMs = new long[16];
    /// <summary>Milliseconds from midnight to the session's start, or <see cref="NotPlaced"/> when dropped.</summary>
    public long[] SessionStartMs = new long[16];
    public int[] StartOrder = new int[16];
    public int SessionCount;

    public void Reset()
    {
        PlayCount = 0;
        SessionCount = 0;
    }

    public void BeginSession()
    {
        if (SessionCount == SessionFirstPlay.Length)
        {
            var n = SessionCount * 2;
            Array.Resize(ref SessionFirstPlay, n);
            Array.Resize(ref SessionPlayCount, n);
            Array.Resize(ref SessionLengthMs, n);
            Array.Resize(ref SessionStartMs, n);
            Array.Resize(ref StartOrder, n);
        }
        SessionFirstPlay[SessionCount] = PlayCount;
        SessionPlayCount[SessionCount] = 0;
        SessionLengthMs[SessionCount] = 0;
        SessionStartMs[SessionCount] = NotPlaced;
        SessionCount++;
    }

    public void AddPlay(int track, int listeningMs, bool skipped)
    {
        if (PlayCount == PlayTrack.Length)
        {
            var n = PlayCount * 2;
            Array.Resize(ref PlayTrack, n);
            Array.Resize(ref PlayListeningMs, n);
            Array.Resize(ref PlaySkipped, n);
        }
        PlayTrack[PlayCount] = track;
        PlayListeningMs[PlayCount] = listeningMs;
        PlaySkipped[PlayCount] = skipped;
        PlayCount++;
        var s = SessionCount - 1;
        SessionPlayCount[s]++;
        SessionLengthMs[s] += listeningMs;
    }
}
