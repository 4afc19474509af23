namespace Wrapped.Core.Csv;

/// <summary>Thrown when an input file cannot be used at all; <see cref="Rejection"/> carries the details for the run report.</summary>
public sealed class InputRejectedException : Exception
{
    public InputRejectedException(InputRejection rejection)
        : base(rejection.Describe())
    {
        Rejection = rejection;
    }

    public InputRejection Rejection { get; }
}
