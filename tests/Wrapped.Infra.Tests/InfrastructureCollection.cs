namespace Wrapped.Infra.Tests;

/// <summary>The tests of this assembly share one lint, build and pair of snapshots of infra/ (each Bicep run takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<Infrastructure>
{
    public const string Name = "Infrastructure";
}
