using Wrapped.Core.Feed;
using Wrapped.Core.Simulation.Model;

namespace Wrapped.Core.Tests.Feed;

public sealed class RunCalendarTests
{
    [Theory]
    [InlineData("2025-03-10T00:00:00Z", "2025-03-09")]
    [InlineData("2025-03-10T23:59:59.999Z", "2025-03-09")]
    [InlineData("2025-01-01T00:00:00Z", "2024-12-31")]
    [InlineData("2024-03-01T05:00:00Z", "2024-02-29")]
    // 10 March, 02:00 in Auckland is still 9 March in UTC: the UTC day decides.
    [InlineData("2025-03-10T02:00:00+13:00", "2025-03-08")]
    public void LatestEnd_ReferenceModelAnyMomentOfADay_IsTheDayBeforeInUtc(string now, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), RunCalendar.LatestEnd(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), ListeningModel.Reference));
    }

    [Theory]
    [InlineData("2025-03-09", "2025-01-01")]
    [InlineData("2024-12-31", "2024-01-01")]
    [InlineData("2025-01-01", "2025-01-01")]
    public void DefaultStart_AnyEnd_IsTheFirstOfJanuaryOfItsYear(string end, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), RunCalendar.DefaultStart(DateOnly.Parse(end)));
    }
}
