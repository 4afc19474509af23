using System.Text;
using Wrapped.Core.Catalog;
using Wrapped.Core.Csv;
using Wrapped.Core.Tests.TestSupport;
using Wrapped.TestSupport;

namespace Wrapped.Core.Tests.Catalog;

/// <summary>The bundled sample with the byte-level damage real copies show: a legacy encoding, NUL bytes.</summary>
public sealed class CatalogPreparerInputBytesTests
{
    private static readonly PreparationOptions Options = new(new DateOnly(2024, 1, 1));

    private static CsvSource Sample(string file) => CsvSource.FromFile(RepoPaths.Sample(file));

    [Fact]
    public void Prepare_ArtistsSavedAsWindows1252_IsRejectedNamingTheFileAndItsFirstNonAsciiLine()
    {
        // The sample's artists whose names Windows-1252 (Latin-1 for these) can hold, saved in it, one byte a character.
        var lines = File.ReadAllLines(RepoPaths.Sample("artists.csv")).Where(line => line.All(c => c <= '\u00FF')).ToList();
        var bytes = lines.SelectMany(line => line.Select(c => (byte)c).Append((byte)'\n')).ToArray();
        var firstNonAscii = lines.FindIndex(line => line.Any(c => c > '\u007F')) + 1;
        Assert.True(firstNonAscii > 1, "the sample has artists with accented names");

        var exception = Assert.Throws<InputRejectedException>(() => CatalogPreparer.Prepare(
            new CatalogSources(Sample("tracks.csv"), Sample("tracks_extended.csv"), CsvTestSources.FromBytes("artists.csv", bytes)), Options));

        Assert.Equal("artists.csv", exception.Rejection.File);
        Assert.Equal(firstNonAscii, exception.Rejection.Line);
        Assert.Contains("UTF-8", exception.Rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_NulInATrackIdPastTheFirstKilobytes_SkipsThatRowWithItsLineAndNoIdHoldsIt()
    {
        var lines = File.ReadAllLines(RepoPaths.Sample("tracks.csv"));
        const int damagedLine = 400;
        Assert.True(Encoding.UTF8.GetByteCount(string.Join('\n', lines.Take(damagedLine))) > 64 * 1024, "the damage lies past any sniffing window");
        var damaged = lines.ToArray();
        damaged[damagedLine - 1] = damaged[damagedLine - 1].Insert(5, "\0");
        var baseline = CatalogPreparer.Prepare(new CatalogSources(Sample("tracks.csv"), Sample("tracks_extended.csv"), Sample("artists.csv")), Options);

        var catalog = CatalogPreparer.Prepare(new CatalogSources(
            CsvTestSources.FromText("tracks.csv", string.Join('\n', damaged) + "\n"), Sample("tracks_extended.csv"), Sample("artists.csv")), Options);

        Assert.Equal(baseline.Report.TracksFile.RowsSkipped + 1, catalog.Report.TracksFile.RowsSkipped);
        var issue = Assert.Single(catalog.Report.TracksFile.SampleIssues, i => i.Line == damagedLine);
        Assert.Equal("id", issue.Column);
        Assert.DoesNotContain(catalog.Tracks, t => t.TrackId.Any(char.IsControl) || t.Name.Any(c => c == '\0'));
    }
}
