using Wrapped.TestSupport;

namespace Wrapped.DurableHost.Tests;

/// <summary>The tests of this assembly share one private Azurite (xunit wants the definition in the test assembly).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
