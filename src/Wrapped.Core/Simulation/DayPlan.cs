namespace Wrapped.Core.Simulation;

/// <summary>
/// Scratch buffers for one user-day: the plays chosen, grouped in sessions, and where each session was
/// placed. Reused from day to day; arrays only grow (doubling), so a steady run allocates nothing. Sized for a heavy
/// listener's day at once, so that growth stays a warm-up matter.
/// </summary>
internal sealed class DayPlan
{
    public const long NotPlaced = -1;

    public int[] PlayTrack = new int[512];
    public int[] PlayListeningMs = new int[512];
    public bool[] PlaySkipped = new bool[512];
    public int PlayCount;

    public int[] SessionFirstPlay = new int[64];
    public int[] SessionPlayCount = new int[64];
    /// <summary>Tracks drawn for the session; it may play fewer when the next session cuts it short.</summary>
    public int[] SessionPlannedTracks = new int[64];
    public long[] SessionLengthMs = new long[64];
    /// <summary>Milliseconds from the start of the day to the session's start, or <see cref="NotPlaced"/> when dropped.</summary>
    public long[] SessionStartMs = new long[64];
    public int[] StartOrder = new int[64];
    public int SessionCount;

    public void Reset()
    {
        PlayCount = 0;
        SessionCount = 0;
    }

    /// <summary>A session whose plays follow at once (the reference: tracks first, placement after).</summary>
    public int BeginSession()
    {
        var s = AddSession(NotPlaced, 0);
        SessionFirstPlay[s] = PlayCount;
        return s;
    }

    /// <summary>A session placed before its plays are chosen; <see cref="StartPlays"/> opens them.</summary>
    public int AddSession(long startMs, int plannedTracks)
    {
        if (SessionCount == SessionFirstPlay.Length)
        {
            var n = SessionCount * 2;
            Array.Resize(ref SessionFirstPlay, n);
            Array.Resize(ref SessionPlayCount, n);
            Array.Resize(ref SessionPlannedTracks, n);
            Array.Resize(ref SessionLengthMs, n);
            Array.Resize(ref SessionStartMs, n);
            Array.Resize(ref StartOrder, n);
        }
        var s = SessionCount++;
        SessionFirstPlay[s] = PlayCount;
        SessionPlayCount[s] = 0;
        SessionPlannedTracks[s] = plannedTracks;
        SessionLengthMs[s] = 0;
        SessionStartMs[s] = startMs;
        return s;
    }

    /// <summary>The plays added next belong to session <paramref name="s"/>.</summary>
    public void StartPlays(int s) => SessionFirstPlay[s] = PlayCount;

    public void AddPlay(int session, int track, int listeningMs, bool skipped)
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
        SessionPlayCount[session]++;
        SessionLengthMs[session] += listeningMs;
    }

    /// <summary>Fills <see cref="StartOrder"/> with the placed sessions by start (ties in drawn order); returns their number.</summary>
    public int SortPlacedByStart()
    {
        var order = StartOrder;
        var starts = SessionStartMs;
        var placed = 0;
        for (var s = 0; s < SessionCount; s++)
        {
            if (starts[s] != NotPlaced)
            {
                order[placed++] = s;
            }
        }
        // A day has a handful of sessions (a few dozen for the heaviest listeners): insertion sort, no allocation.
        for (var i = 1; i < placed; i++)
        {
            var s = order[i];
            var j = i - 1;
            while (j >= 0 && starts[order[j]] > starts[s])
            {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = s;
        }
        return placed;
    }
}
