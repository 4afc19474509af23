using CoreDataConverter = DurableTask.Core.Serializing.DataConverter;
using SdkDataConverter = Microsoft.DurableTask.DataConverter;

namespace Wrapped.DurableHost;

/// <summary>
/// Lets DurableTask.Core serialize with Microsoft.DurableTask's converter (System.Text.Json by default).
/// </summary>
/// <remarks>
/// Core's own default is Newtonsoft.Json; the shims deserialize orchestration inputs and event payloads with the
/// SDK converter, so the client must write them the same way or records and enums would not round-trip.
/// </remarks>
internal sealed class CoreDataConverterAdapter(SdkDataConverter inner) : CoreDataConverter
{
    public override string Serialize(object value) => inner.Serialize(value)!;

    // Formatting is a Newtonsoft nicety nobody reads here; one compact form keeps payloads comparable.
    public override string Serialize(object value, bool formatted) => Serialize(value);

    public override object Deserialize(string data, Type objectType) => inner.Deserialize(data, objectType)!;
}
