namespace Wrapped.Core.Wrapped;

/// <summary>
/// The first <see cref="WrappedSummaryRecord.TopCount"/> of a stream of totals, by listening time, then by id in
/// ordinal order when two are level: a sorted handful kept by insertion, so a year of thousands of tracks is never sorted.
/// </summary>
internal sealed class TopList(Func<int, string> idOf)
{
    private readonly (int Key, long ListeningMs, long Plays)[] _entries = new (int, long, long)[WrappedSummaryRecord.TopCount];
    private int _count;

    public void Clear() => _count = 0;

    public void Offer(int key, long listeningMs, long plays)
    {
        if (_count == _entries.Length && !Before(listeningMs, key, _entries[^1])) return;
        var i = Math.Min(_count, _entries.Length - 1);
        while (i > 0 && Before(listeningMs, key, _entries[i - 1]))
        {
            _entries[i] = _entries[i - 1];
            i--;
        }
        _entries[i] = (key, listeningMs, plays);
        if (_count < _entries.Length) _count++;
    }

    public WrappedTopItem[] ToItems(Func<int, string> nameOf, Func<int, string?> detailOf)
    {
        var items = new WrappedTopItem[_count];
        for (var i = 0; i < _count; i++)
        {
            var (key, ms, plays) = _entries[i];
            items[i] = new WrappedTopItem(idOf(key), nameOf(key), detailOf(key), ms, plays);
        }
        return items;
    }

    private bool Before(long listeningMs, int key, (int Key, long ListeningMs, long Plays) other) =>
        listeningMs != other.ListeningMs ? listeningMs > other.ListeningMs : string.CompareOrdinal(idOf(key), idOf(other.Key)) < 0;
}
