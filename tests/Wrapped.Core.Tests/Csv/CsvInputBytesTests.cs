using System.Text;
using Wrapped.Core.Csv;
using Wrapped.Core.Tests.TestSupport;

namespace Wrapped.Core.Tests.Csv;

/// <summary>Files must be UTF-8; a control character inside a field makes its row bad, and never reaches a value.</summary>
public sealed class CsvInputBytesTests
{
    private static readonly CsvColumn Id = CsvColumn.Mandatory("id");
    private static readonly CsvColumn Name = CsvColumn.Mandatory("name");
    private static readonly CsvSchema Schema = new("test", [Id, Name]);

    private sealed record Row(long Line, string Id, string Name);

    private static CsvTable<Row> Read(byte[] bytes, double budget = 0.5) =>
        CsvTableReader.Read(CsvTestSources.FromBytes("test.csv", bytes), Schema,
            row => new Row(row.Line, row.RequiredText(Id), row.RequiredText(Name)), new CsvReadOptions(budget));

    private static CsvTable<Row> Read(string text, double budget = 0.5) => Read(Encoding.UTF8.GetBytes(text), budget);

    /// <summary>Text in Windows-1252, as a spreadsheet on Windows saves it: é is the single byte 0xE9.</summary>
    private static byte[] Windows1252(string text) => text.Select(c => c <= '\u00FF' ? (byte)c : throw new ArgumentException("not Latin-1", nameof(text))).ToArray();

    [Fact]
    public void Read_Windows1252Bytes_RejectsTheFileNamingItsFirstBadLine()
    {
        var bytes = Windows1252("id,name\na,Zoe\nb,Beyonc\u00E9\nc,Caf\u00E9\n");

        var exception = Assert.Throws<InputRejectedException>(() => Read(bytes));

        Assert.Equal("test.csv", exception.Rejection.File);
        Assert.Equal(3, exception.Rejection.Line);
        Assert.Contains("UTF-8", exception.Rejection.Reason, StringComparison.Ordinal);
        Assert.Contains("0xE9", exception.Rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidByteInsideAMultiLineQuotedField_NamesThePhysicalLineOfTheByte()
    {
        var bytes = Windows1252("id,name\na,\"first\nsecond\nthird \u00E9\"\nb,B\n");

        var exception = Assert.Throws<InputRejectedException>(() => Read(bytes));

        Assert.Equal(4, exception.Rejection.Line);
    }

    [Fact]
    public void Read_InvalidByteFarIntoTheFile_RejectsNamingItsLine()
    {
        // Far past any sniffing window and any read buffer.
        var text = new StringBuilder("id,name\n");
        for (var i = 0; i < 20_000; i++) text.Append("row").Append(i).Append(",Name number ").Append(i).Append('\n');
        var bytes = Encoding.UTF8.GetBytes(text.ToString()).Concat(Windows1252("last,Caf\u00E9\n")).ToArray();

        var exception = Assert.Throws<InputRejectedException>(() => Read(bytes));

        Assert.Equal(20_002, exception.Rejection.Line);
    }

    [Fact]
    public void Read_TruncatedMultiByteSequenceAtTheEnd_Rejects()
    {
        var bytes = Encoding.UTF8.GetBytes("id,name\na,Caf").Concat(new byte[] { 0xC3 }).ToArray();

        var exception = Assert.Throws<InputRejectedException>(() => Read(bytes));

        Assert.Equal(2, exception.Rejection.Line);
    }

    [Fact]
    public void Read_ControlCharacterBeforeANonUtf8ByteInARow_StillRejectsTheFile()
    {
        var bytes = Windows1252("id,name\na,A\nb\u0001,Caf\u00E9\n");

        var exception = Assert.Throws<InputRejectedException>(() => Read(bytes));

        Assert.Equal(3, exception.Rejection.Line);
    }

    [Fact]
    public void Read_ValidUtf8WithBomAndFourByteCharacters_IsReadAsWritten()
    {
        var bytes = Encoding.UTF8.Preamble.ToArray().Concat(Encoding.UTF8.GetBytes("id,name\na,Beyonc\u00E9 \u6771\u4EAC \U0001F3A7\n")).ToArray();

        var row = Assert.Single(Read(bytes).Rows);

        Assert.Equal("Beyonc\u00E9 \u6771\u4EAC \U0001F3A7", row.Name);
    }

    [Theory]
    [InlineData("\u0000", "U+0000")]
    [InlineData("\u0001", "U+0001")]
    [InlineData("\u001B", "U+001B")]
    [InlineData("\u007F", "U+007F")]
    [InlineData("\u0085", "U+0085")]
    public void Read_ControlCharacterInAField_SkipsTheRowWithItsLineAndColumn(string control, string named)
    {
        var table = Read($"id,name\na,A\nb{control}x,B\nc,C\n");

        Assert.Equal(["a", "c"], table.Rows.Select(r => r.Id));
        Assert.Equal(1, table.Report.RowsSkipped);
        var issue = Assert.Single(table.Report.SampleIssues);
        Assert.Equal((3L, "id"), (issue.Line, issue.Column));
        Assert.Contains(named, issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NulInAFieldOfAnUnusedColumn_StillSkipsTheRow()
    {
        var table = Read("id,name,comment\na,A,fine\nb,B,bro\u0000ken\n");

        Assert.Equal(["a"], table.Rows.Select(r => r.Id));
        Assert.Equal("comment", Assert.Single(table.Report.SampleIssues).Column);
    }

    [Fact]
    public void Read_NulFarIntoTheFile_SkipsThatRowAndKeepsTheRest()
    {
        var text = new StringBuilder("id,name\n");
        for (var i = 0; i < 2_000; i++) text.Append("row").Append(i).Append(",Name ").Append(i).Append('\n');
        text.Append("bad\u0000id,Name\nlast,Name\n");

        var table = Read(text.ToString(), budget: 0.01);

        Assert.Equal(2_001, table.Rows.Count);
        Assert.DoesNotContain(table.Rows, r => r.Id.Contains('\0', StringComparison.Ordinal));
        Assert.Equal(2_002, Assert.Single(table.Report.SampleIssues).Line);
    }

    [Fact]
    public void Read_TabAndLineBreaksInsideAQuotedField_AreKept()
    {
        var row = Assert.Single(Read("id,name\na,\"tab\there\r\nnext\nline\"\n").Rows);

        Assert.Equal("tab\there\r\nnext\nline", row.Name);
    }

    [Fact]
    public void Read_ControlCharactersInMostRows_RejectsTheFileOverTheBudget()
    {
        var exception = Assert.Throws<InputRejectedException>(() => Read("id,name\na\u0001,A\nb\u0001,B\nc,C\n", budget: 0.01));

        Assert.Equal(2, exception.Rejection.Line);
    }

    [Fact]
    public void Read_NulInTheHeaderLine_RejectsTheFileAsBinary()
    {
        var exception = Assert.Throws<InputRejectedException>(() => Read("id,na\u0000me\na,A\n"));

        Assert.Contains("binary", exception.Rejection.Reason, StringComparison.Ordinal);
    }
}
