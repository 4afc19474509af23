
namespace Wrapped.DurableHost.Tests.Toys;

internal static class ToyRegistrations
{
    public static void RegisterAll(LocalDurableRegistry registry) => registry
        .AddOrchestrator<FanOutOrchestrator>()
        .AddOrchestrator<GreetingOrchestrator>()
        .AddOrchestrator<FailingOrchestrator>()
        .AddOrchestrator<CountingOrchestrator>()
        .AddOrchestrator<ApprovalOrchestrator>()
        .AddOrchestrator<SquaresOrchestrator>()
        .AddOrchestrator<SlowOrchestrator>()
        .AddActivity<SlowActivity>()
        .AddActivity<SquareActivity>()
        .AddActivity<FlakyActivity>()
        .AddActivity<GreetActivity>()
        .AddActivity<ThrowingActivity>()
        .AddActivity<CountRunActivity>();
}
