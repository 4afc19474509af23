namespace Wrapped.Core.Tests.Simulation;

/// <summary>What must hold for every event of every user-day, not just on average.</summary>
public sealed class SimulationInvariantTests
{
    private const long DayMs = 86_400_000;

    [Fact]
    public void Timestamps_EveryEvent_FallInsideItsDay()
    {
        foreach (var day in SimulationSample.UserDays)
        {
            var dayStart = (day.Date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber) * DayMs;
            Assert.All(day.Events, e => Assert.InRange(e.TimestampMs, dayStart, dayStart + DayMs - 1));
        }
    }

    [Fact]
    public void Timestamps_WithinUserDay_AreNonDecreasing()
    {
        foreach (var day in SimulationSample.UserDays)
        {
            for (var i = 1; i < day.Events.Count; i++)
            {
                Assert.True(day.Events[i].TimestampMs >= day.Events[i - 1].TimestampMs);
            }
        }
    }

    [Fact]
    public void Sessions_OfOneUserDay_NeverOverlap()
    {
        foreach (var day in SimulationSample.UserDays)
        {
            var sessions = day.Events.GroupBy(e => e.SessionId)
                .Select(g => (Start: g.First().TimestampMs - g.First().ListeningTimeMs, End: g.Last().TimestampMs))
                .OrderBy(s => s.Start)
                .ToArray();
            for (var i = 1; i < sessions.Length; i++)
            {
                Assert.True(sessions[i].Start >= sessions[i - 1].End, $"{day.User.UserId} {day.Date}: session {i} overlaps");
            }
        }
    }

    [Fact]
    public void Sessions_EachOne_IsContiguousAndFitsItsSlots()
    {
        foreach (var day in SimulationSample.UserDays)
        {
            foreach (var session in day.Events.GroupBy(e => e.SessionId))
            {
                var events = session.ToArray();
                Assert.Equal(session.Key, events[0].Id);
                for (var i = 1; i < events.Length; i++)
                {
                    Assert.Equal(events[i - 1].TimestampMs + events[i].ListeningTimeMs, events[i].TimestampMs);
                }
                var start = events[0].TimestampMs - events[0].ListeningTimeMs;
                var length = events[^1].TimestampMs - start;
                var slotsNeeded = length / 3_600_000 + 1;
                Assert.True(events[^1].TimestampMs < (start / 3_600_000 + slotsNeeded) * 3_600_000, "the session overruns its slots");
            }
        }
    }

    [Fact]
    public void TrackIndex_EveryEvent_IsInTheCatalog()
    {
        var count = SimulationSample.Catalog.TrackCount;
        Assert.All(SimulationSample.UserDays.SelectMany(d => d.Events), e => Assert.InRange(e.TrackIndex, 0, count - 1));
    }

    [Fact]
    public void ListeningTime_EveryEvent_IsBetweenZeroAndDuration()
    {
        var catalog = SimulationSample.Catalog;
        Assert.All(SimulationSample.UserDays.SelectMany(d => d.Events),
            e => Assert.InRange(e.ListeningTimeMs, 0, catalog.DurationMs(e.TrackIndex)));
    }

    [Fact]
    public void EventIds_WholeSample_AreUniqueAndEncodeDayUserAndSequence()
    {
        var ids = new HashSet<long>();
        foreach (var day in SimulationSample.UserDays)
        {
            for (var i = 0; i < day.Events.Count; i++)
            {
                var e = day.Events[i];
                Assert.True(ids.Add(e.Id));
                Assert.True(e.Id > 0);
                var (days, user, sequence) = Core.Simulation.EventId.Decompose(e.Id);
                Assert.Equal((day.Date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber, day.User.UserId, i), (days, user, sequence));
                Assert.Equal(day.User.UserId, e.UserId);
            }
        }
    }

    [Fact]
    public void SkippedTrack_InSameSession_IsNeverReplayedImmediately()
    {
        var catalog = SimulationSample.Catalog;
        var cutShortPairs = 0;
        foreach (var day in SimulationSample.UserDays)
        {
            for (var i = 1; i < day.Events.Count; i++)
            {
                var (previous, current) = (day.Events[i - 1], day.Events[i]);
                if (previous.SessionId == current.SessionId && previous.ListeningTimeMs < catalog.DurationMs(previous.TrackIndex))
                {
                    cutShortPairs++;
                    Assert.NotEqual(previous.TrackIndex, current.TrackIndex);
                }
            }
        }
        Assert.True(cutShortPairs > 10_000);
    }
}
