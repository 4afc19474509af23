using Wrapped.Core.Csv;
using Wrapped.Core.Tests.TestSupport;

namespace Wrapped.Core.Tests.Csv;

public sealed class CsvTableReaderTests
{
    private static readonly CsvColumn Id = CsvColumn.Mandatory("id");
    private static readonly CsvColumn Name = CsvColumn.Mandatory("name", "track_name");
    private static readonly CsvColumn Count = CsvColumn.Optional("count");
    private static readonly CsvSchema Schema = new("test", [Id, Name, Count]);

    private sealed record Row(long Line, string? Id, string? Name, int? Count);

    private static CsvTable<Row> Read(CsvSource source, double budget = 0.5) =>
        CsvTableReader.Read(source, Schema, row => new Row(row.Line, row.Text(Id), row.Text(Name), row.OptionalInt(Count)), new CsvReadOptions(budget));

    private static CsvTable<Row> ReadText(string text, double budget = 0.5) => Read(CsvTestSources.FromText("test.csv", text), budget);

    [Fact]
    public void Read_QuotedFieldsWithCommaQuoteAndLineBreaks_UnquotesAndKeepsPhysicalLineNumbers()
    {
        var table = ReadText("id,name,count\na,\"x, y\",1\nb,\"say \"\"hi\"\"\",2\nc,\"two\nlines\n!\",3\nd,plain,4\n");

        Assert.Equal(["x, y", "say \"hi\"", "two\nlines\n!", "plain"], table.Rows.Select(r => r.Name));
        Assert.Equal([2L, 3, 4, 7], table.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Read_IssueAfterMultilineField_ReportsThePhysicalLine()
    {
        var table = ReadText("id,name,count\na,\"two\nlines\",1\nb,ok,abc\nc,ok,3\n");

        var issue = Assert.Single(table.Report.SampleIssues);
        Assert.Equal(4, issue.Line);
        Assert.Equal("count", issue.Column);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void Read_LineEndings_GiveSameRows(string lineEnding)
    {
        var table = ReadText(CsvTestSources.Lines(lineEnding, "id,name,count", "a,A,1", "b,B,2"));

        Assert.Equal(["A", "B"], table.Rows.Select(r => r.Name));
        Assert.Equal([1, 2], table.Rows.Select(r => r.Count));
    }

    [Fact]
    public void Read_ByteOrderMark_FirstHeaderStillMatches()
    {
        var table = Read(CsvTestSources.FromText("bom.csv", "id,name\na,A\n", withByteOrderMark: true));

        Assert.Equal("a", Assert.Single(table.Rows).Id);
    }

    [Theory]
    [InlineData(",id,name\n0,a,A\n")]
    [InlineData("Unnamed: 0,id,name\n0,a,A\n")]
    public void Read_UnnamedLeadingIndexColumn_IsIgnored(string text)
    {
        var row = Assert.Single(ReadText(text).Rows);

        Assert.Equal(("a", "A"), (row.Id, row.Name));
    }

    [Fact]
    public void Read_ColumnsReorderedAndDifferentCase_MatchByName()
    {
        var row = Assert.Single(ReadText("COUNT,Name,ID\n7,A,a\n").Rows);

        Assert.Equal(("a", "A", 7), (row.Id, row.Name, row.Count));
    }

    [Fact]
    public void Read_AliasHeader_MatchesColumn()
    {
        Assert.Equal("A", Assert.Single(ReadText("id,track_name\na,A\n").Rows).Name);
    }

    [Fact]
    public void Read_EmptyFields_AreNull()
    {
        var row = Assert.Single(ReadText("id,name,count\n,,\n").Rows);

        Assert.Equal((null, null, null), (row.Id, row.Name, row.Count));
    }

    [Fact]
    public void Read_WholeFloatWhereIntExpected_IsAccepted()
    {
        Assert.Equal(376805, Assert.Single(ReadText("id,name,count\na,A,376805.0\n").Rows).Count);
    }

    [Fact]
    public void Read_BlankLines_AreNotRowsAndKeepLineNumbers()
    {
        var table = ReadText("id,name\na,A\n\nb,B\n");

        Assert.Equal(2, table.Report.RowsRead);
        Assert.Equal([2L, 4], table.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Read_DuplicateRows_AreAllReturned()
    {
        Assert.Equal(2, ReadText("id,name\na,A\na,A\n").Rows.Count);
    }

    [Fact]
    public void Read_BadRowsWithinBudget_SkipsAndCountsWithLineNumbers()
    {
        var text = "id,name,count\n" + string.Concat(Enumerable.Range(0, 98).Select(i => $"r{i},N{i},{i}\n")) + "x,X,abc\ny,Y\n";

        var table = ReadText(text, budget: 0.02);

        Assert.Equal(98, table.Rows.Count);
        Assert.Equal(100, table.Report.RowsRead);
        Assert.Equal(2, table.Report.RowsSkipped);
        Assert.Equal([(100L, (string?)"count"), (101L, null)], table.Report.SampleIssues.Select(i => (i.Line, i.Column)));
        Assert.Contains("expected 3 fields, found 2", table.Report.SampleIssues[1].Reason);
    }

    [Fact]
    public void Read_BadRowsOverBudget_RejectsNamingFileAndLines()
    {
        var text = "id,name,count\n" + string.Concat(Enumerable.Range(0, 97).Select(i => $"r{i},N{i},{i}\n")) + "x,X,abc\ny,Y,-\nz,Z,1.5\n";

        var exception = Assert.Throws<InputRejectedException>(() => ReadText(text, budget: 0.02));

        Assert.Equal("test.csv", exception.Rejection.File);
        Assert.Equal(99, exception.Rejection.Line);
        Assert.Equal("count", exception.Rejection.Column);
        Assert.Equal([99L, 100, 101], exception.Rejection.SampleIssues.Select(i => i.Line));
        Assert.Contains("test.csv", exception.Message);
        Assert.Contains("99, 100, 101", exception.Message);
    }

    [Fact]
    public void Read_ManyBadRows_KeepsSampleOfFirstHundredButExactCount()
    {
        var text = "id,name,count\n" + string.Concat(Enumerable.Range(0, 150).Select(i => $"r{i},N{i},bad\n")) + "a,A,1\n";

        var table = ReadText(text, budget: 1.0);

        Assert.Equal(150, table.Report.RowsSkipped);
        Assert.Equal(CsvFileReport.MaxSampleIssues, table.Report.SampleIssues.Count);
    }

    [Fact]
    public void Read_MissingRequiredColumn_RejectsNamingIt()
    {
        var exception = Assert.Throws<InputRejectedException>(() => ReadText("id,count\na,1\n"));

        Assert.Equal("name", exception.Rejection.Column);
        Assert.Contains("'name'", exception.Message);
        Assert.StartsWith("test.csv:", exception.Message);
    }

    [Fact]
    public void Read_ZeroBytes_RejectsAsEmpty()
    {
        var exception = Assert.Throws<InputRejectedException>(() => Read(CsvTestSources.FromBytes("empty.csv", [])));

        Assert.Contains("empty (0 bytes)", exception.Rejection.Reason);
    }

    [Fact]
    public void Read_HeaderOnly_RejectsSayingNoDataRows()
    {
        var exception = Assert.Throws<InputRejectedException>(() => ReadText("id,name,count\n"));

        Assert.Contains("header line but no data rows", exception.Rejection.Reason);
    }

    [Fact]
    public void Read_BinaryContent_RejectsAsNotCsv()
    {
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, (byte)'i', (byte)'d'];

        var exception = Assert.Throws<InputRejectedException>(() => Read(CsvTestSources.FromBytes("tracks.zip", zip)));

        Assert.Contains("binary", exception.Rejection.Reason);
        Assert.Equal("tracks.zip", exception.Rejection.File);
    }

    [Fact]
    public void Read_TextThatIsNotACsvHeader_RejectsAsNotCsv()
    {
        var exception = Assert.Throws<InputRejectedException>(() => ReadText("{\"tracks\": [1, 2, 3]}\n"));

        Assert.Contains("not a test CSV file", exception.Rejection.Reason);
        Assert.Equal(1, exception.Rejection.Line);
    }

    [Theory]
    [InlineData("id,name\na,A\nb,\"never closed\nc,C\nd,D\n")]
    [InlineData("id,name,count\na,A,1\nb,\"never closed\nc,C,3\nd,D,4\n")]
    public void Read_UnterminatedQuote_RejectsNamingItsLine(string text)
    {
        var exception = Assert.Throws<InputRejectedException>(() => ReadText(text, budget: 0.01));

        Assert.Equal(3, exception.Rejection.Line);
        Assert.Contains("never closed", exception.Rejection.Reason);
    }

    [Theory]
    [InlineData("\uFEFF")]
    [InlineData("\n\n")]
    public void Read_NoHeaderLine_RejectsAsEmpty(string text)
    {
        var exception = Assert.Throws<InputRejectedException>(() => ReadText(text));

        Assert.Contains("empty", exception.Rejection.Reason);
    }

    [Fact]
    public void Read_Utf16WithByteOrderMark_IsReadAsText()
    {
        var bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("id,name\na,Zoë\n")).ToArray();

        Assert.Equal("Zoë", Assert.Single(Read(CsvTestSources.FromBytes("wide.csv", bytes)).Rows).Name);
    }

    [Theory]
    [InlineData("id\tname\na\tA\n", "tab-separated")]
    [InlineData("id;name\na;A\n", "semicolon-separated")]
    public void Read_OtherSeparator_RejectsSayingWhich(string text, string hint)
    {
        var exception = Assert.Throws<InputRejectedException>(() => ReadText(text));

        Assert.Contains(hint, exception.Rejection.Reason);
    }

    [Fact]
    public void Read_ForwardOnlyStream_IsReopenedAfterSniffing()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("id,name\na,A\n");
        var opened = 0;
        var source = new CsvSource("blob.csv", () =>
        {
            opened++;
            return new ForwardOnlyStream(new MemoryStream(bytes));
        });

        Assert.Single(Read(source).Rows);
        Assert.Equal(2, opened);
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }
}
