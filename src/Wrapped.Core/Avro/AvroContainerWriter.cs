using System.Buffers;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Wrapped.Core.Avro;

/// <summary>
/// Writes an Avro object container file with reproducible bytes: the sync marker is given (see
/// <see cref="SyncMarker"/>), the metadata keys come in a fixed order and hold no clock time, and
/// blocks are cut at a byte target, so the same records give the same file.
/// </summary>
/// <remarks>
/// Encode each record into <see cref="Record"/> and call <see cref="EndRecord"/>. The writer never
/// closes <c>output</c>: the caller owns it, because it still has to flush, commit and rename the file.
/// <see cref="Dispose"/> writes the last block like <see cref="Finish"/>.
/// </remarks>
public sealed class AvroContainerWriter : IDisposable
{
    public const int DefaultBlockTargetBytes = 256 * 1024;

    private static ReadOnlySpan<byte> Magic => "Obj\u0001"u8;

    private readonly Stream _output;
    private readonly AvroCodecOptions _codec;
    private readonly byte[] _sync;
    private readonly int _blockTargetBytes;
    private readonly AvroRecordBuffer _block;
    private byte[]? _compressed;
    private long _blockRecords;
    private int _committedLength;
    private bool _finished;
    private bool _faulted;

    public AvroContainerWriter(Stream output, FeedSchema schema, AvroCodecOptions codec, ReadOnlySpan<byte> syncMarker, int blockTargetBytes = DefaultBlockTargetBytes)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(codec);
        if (syncMarker.Length != SyncMarker.Size)
        {
            throw new ArgumentException($"An Avro sync marker is {SyncMarker.Size} bytes, not {syncMarker.Length}.", nameof(syncMarker));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(blockTargetBytes, 1);

        _output = output;
        _codec = codec;
        _sync = syncMarker.ToArray();
        _blockTargetBytes = blockTargetBytes;
        // Room for a full block plus the record that crosses the target, so the buffer rarely grows.
        _block = new AvroRecordBuffer(Math.Max(4096, blockTargetBytes + blockTargetBytes / 4));
        _compressed = codec.Codec == AvroCodec.Deflate
            ? ArrayPool<byte>.Shared.Rent(MaxBlockPrefixBytes + CompressedBound(_block.Capacity) + SyncMarker.Size)
            : null;
        WriteHeader(schema);
    }

    /// <summary>The buffer to encode the current record into, in schema field order.</summary>
    public AvroRecordBuffer Record => _block;

    public long RecordCount { get; private set; }

    /// <summary>Bytes handed to the output so far: the header and every finished block.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Counts the record just encoded into <see cref="Record"/>; emits a block once it reaches the target size.</summary>
    public void EndRecord()
    {
        if (_finished)
        {
            ThrowFinished();
        }
        RecordCount++;
        _blockRecords++;
        _committedLength = _block.Length;
        if (_block.Length >= _blockTargetBytes)
        {
            WriteBlock();
        }
    }

    /// <summary>Writes the last non-empty block and flushes the output. Later calls do nothing.</summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }
        if (_block.Length != _committedLength)
        {
            throw new InvalidOperationException("A record was encoded into Record but not ended with EndRecord; call EndRecord before Finish.");
        }
        FinishCommitted();
    }

    /// <summary>
    /// Finishes with the records ended so far. A record left half-encoded (its encoder threw) is dropped rather
    /// than written as a corrupt block; the caller then discards the temporary file anyway.
    /// </summary>
    public void Dispose()
    {
        // After a failed write to the output, part of a block may be out already: adding more would only
        // bury the original error under a second one.
        if (!_finished && !_faulted)
        {
            _block.Truncate(_committedLength);
            FinishCommitted();
        }
        _block.ReturnToPool();
        if (_compressed is not null) ArrayPool<byte>.Shared.Return(_compressed);
        _compressed = null;
    }

    /// <summary>Deflate's worst case for incompressible input: the data plus 5 bytes per 16 KiB stored block, and slack.</summary>
    private static int CompressedBound(int length) => length + (length >> 12) + 1024;

    private void FinishCommitted()
    {
        if (_blockRecords > 0)
        {
            WriteBlock();
        }
        _output.Flush();
        _finished = true;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowFinished() =>
        throw new InvalidOperationException("The container is finished: a record ended now would never be written.");

    private void WriteHeader(FeedSchema schema)
    {
        var header = new AvroRecordBuffer();
        header.WriteRaw(Magic);
        // Metadata map in one block, keys in a fixed order: schema, then codec. Nothing time- or host-dependent.
        header.WriteLong(2);
        header.WriteString("avro.schema");
        WriteBytes(header, Encoding.UTF8.GetBytes(schema.Json));
        header.WriteString("avro.codec");
        WriteBytes(header, Encoding.UTF8.GetBytes(_codec.AvroName));
        header.WriteLong(0);
        header.WriteRaw(_sync);
        _output.Write(header.Span);
        BytesWritten += header.Length;
    }

    private static void WriteBytes(AvroRecordBuffer buffer, byte[] value)
    {
        buffer.WriteLong(value.Length);
        buffer.WriteRaw(value);
    }

    private void WriteBlock()
    {
        try
        {
            CompressAndWriteBlock();
        }
        catch
        {
            _faulted = true;
            throw;
        }
        _block.Clear();
        _blockRecords = 0;
        _committedLength = 0;
    }

    private void CompressAndWriteBlock()
    {
        if (_compressed is null)
        {
            // Uncompressed: the block is already in its buffer; three writes, where copying it to join them would cost more.
            Span<byte> prefix = stackalloc byte[MaxBlockPrefixBytes];
            var prefixLength = WriteBlockPrefix(prefix, _block.Length);
            _output.Write(prefix[..prefixLength]);
            _output.Write(_block.Span);
            _output.Write(_sync);
            BytesWritten += prefixLength + _block.Length + _sync.Length;
            return;
        }

        var needed = MaxBlockPrefixBytes + CompressedBound(_block.Length) + SyncMarker.Size;
        if (_compressed.Length < needed)
        {
            ArrayPool<byte>.Shared.Return(_compressed);
            _compressed = ArrayPool<byte>.Shared.Rent(needed);
        }
        // Deflate after room for the prefix, then put the prefix just before the data and the sync marker after
        // it: the whole block goes out in one write, so the output needs no buffer of its own.
        int compressedLength;
        using (var target = new MemoryStream(_compressed, MaxBlockPrefixBytes, _compressed.Length - MaxBlockPrefixBytes - SyncMarker.Size, writable: true, publiclyVisible: true))
        {
            // Avro's deflate codec is raw RFC 1951 deflate, which is what DeflateStream writes (no zlib header).
            using (var deflate = new DeflateStream(target, _codec.Level, leaveOpen: true))
            {
                deflate.Write(_block.Span);
            }
            compressedLength = (int)target.Position;
        }
        Span<byte> blockPrefix = stackalloc byte[MaxBlockPrefixBytes];
        var blockPrefixLength = WriteBlockPrefix(blockPrefix, compressedLength);
        var first = MaxBlockPrefixBytes - blockPrefixLength;
        blockPrefix[..blockPrefixLength].CopyTo(_compressed.AsSpan(first));
        _sync.CopyTo(_compressed.AsSpan(MaxBlockPrefixBytes + compressedLength));
        var length = blockPrefixLength + compressedLength + SyncMarker.Size;
        _output.Write(_compressed.AsSpan(first, length));
        BytesWritten += length;
    }

    // A block starts with its record count and its byte length, two zig-zag longs of at most 10 bytes each.
    private const int MaxBlockPrefixBytes = 20;

    private int WriteBlockPrefix(Span<byte> prefix, int dataLength)
    {
        ref byte start = ref MemoryMarshal.GetReference(prefix);
        int prefixLength = AvroRecordBuffer.WriteZigZagUnchecked(ref start, _blockRecords);
        prefixLength += AvroRecordBuffer.WriteZigZagUnchecked(ref Unsafe.Add(ref start, prefixLength), dataLength);
        return prefixLength;
    }
}
