using System.Collections;
using Avro.Generic;

namespace Wrapped.Core.Avro;

/// <summary>Typed access to the values Apache.Avro's generic reader puts in a record.</summary>
internal static class GenericFields
{
    private static readonly DateTime UnixEpoch = DateTime.UnixEpoch;

    public static string String(GenericRecord record, string field) =>
        Get(record, field) as string ?? throw Unexpected(record, field, "string");

    public static string? NullableString(GenericRecord record, string field) => Get(record, field) switch
    {
        null => null,
        string s => s,
        _ => throw Unexpected(record, field, "string or null"),
    };

    public static long Long(GenericRecord record, string field) => Get(record, field) switch
    {
        long l => l,
        int i => i,
        _ => throw Unexpected(record, field, "long"),
    };

    public static long? NullableLong(GenericRecord record, string field) => Get(record, field) switch
    {
        null => null,
        long l => l,
        int i => i,
        _ => throw Unexpected(record, field, "long or null"),
    };

    public static int Int(GenericRecord record, string field) => Get(record, field) as int? ?? throw Unexpected(record, field, "int");

    public static int? NullableInt(GenericRecord record, string field) => Get(record, field) switch
    {
        null => null,
        int i => i,
        _ => throw Unexpected(record, field, "int or null"),
    };

    public static double Double(GenericRecord record, string field) => Get(record, field) switch
    {
        double d => d,
        float f => f,
        _ => throw Unexpected(record, field, "double"),
    };

    public static bool Boolean(GenericRecord record, string field) => Get(record, field) as bool? ?? throw Unexpected(record, field, "boolean");

    public static IReadOnlyList<string> StringList(GenericRecord record, string field)
    {
        if (Get(record, field) is not IEnumerable items)
        {
            throw Unexpected(record, field, "array of strings");
        }
        var list = new List<string>();
        foreach (object? item in items)
        {
            list.Add(item as string ?? throw Unexpected(record, field, "array of strings"));
        }
        return list;
    }

    public static GenericRecord Record(GenericRecord record, string field) =>
        Get(record, field) as GenericRecord ?? throw Unexpected(record, field, "record");

    public static IReadOnlyList<GenericRecord> RecordList(GenericRecord record, string field) =>
        Items(record, field, "array of records").Select(item => item as GenericRecord ?? throw Unexpected(record, field, "array of records")).ToList();

    public static IReadOnlyList<long> LongList(GenericRecord record, string field) =>
        Items(record, field, "array of longs").Select(item => item is long l ? l : throw Unexpected(record, field, "array of longs")).ToList();

    private static IEnumerable<object?> Items(GenericRecord record, string field, string expected) =>
        Get(record, field) is IEnumerable items ? items.Cast<object?>() : throw Unexpected(record, field, expected);

    public static string EnumSymbol(GenericRecord record, string field) => Get(record, field) switch
    {
        GenericEnum e => e.Value,
        _ => throw Unexpected(record, field, "enum"),
    };

    /// <summary>An <c>int</c> with logicalType <c>date</c>; the generic reader hands it over as a DateTime.</summary>
    public static DateOnly Date(GenericRecord record, string field) => Get(record, field) switch
    {
        DateTime dt => DateOnly.FromDateTime(dt),
        int days => DateOnly.FromDayNumber(DateOnly.FromDateTime(UnixEpoch).DayNumber + days),
        _ => throw Unexpected(record, field, "date"),
    };

    /// <summary>A <c>long</c> with logicalType <c>timestamp-millis</c>, as milliseconds since the Unix epoch.</summary>
    public static long TimestampMillis(GenericRecord record, string field) => Get(record, field) switch
    {
        // Avro hands out UTC; only a Local value needs converting (an Unspecified one must not be shifted).
        DateTime dt => ((dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : dt).Ticks - UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond,
        DateTimeOffset dto => dto.ToUnixTimeMilliseconds(),
        long ms => ms,
        _ => throw Unexpected(record, field, "timestamp-millis"),
    };

    private static object? Get(GenericRecord record, string field) =>
        record.TryGetValue(field, out object? value) ? value : throw new InvalidDataException($"Avro record {record.Schema.Fullname} has no field '{field}'.");

    private static InvalidDataException Unexpected(GenericRecord record, string field, string expected) =>
        new($"Field '{field}' of Avro record {record.Schema.Fullname} is not a {expected}.");
}
