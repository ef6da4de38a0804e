namespace NeuralPredictivity.Benchmark.Tests;

public sealed class ErrorMessageTests
{
    [Fact]
    public void ArgumentExceptionLosesTheParameterNameAndKeepsItsText()
    {
        var error = new ArgumentException("'x.h5' is neither a registered dataset nor an existing file.", "nameOrPath");

        Assert.Contains("nameOrPath", error.Message, StringComparison.Ordinal);
        Assert.Equal("'x.h5' is neither a registered dataset nor an existing file.", ErrorMessage.Of(error));
    }

    [Fact]
    public void OutOfRangeArgumentKeepsTheActualValue()
    {
        var error = new ArgumentOutOfRangeException("binSizeCm", 500.0, "The bin is larger than the arena.");

        var message = ErrorMessage.Of(error);

        Assert.DoesNotContain("binSizeCm", message, StringComparison.Ordinal);
        Assert.StartsWith("The bin is larger than the arena.", message, StringComparison.Ordinal);
        Assert.Contains("500", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ArgumentExceptionWithoutAParameterIsUnchanged(string? parameter)
    {
        var error = new ArgumentException("Bad spec.", parameter);

        Assert.Equal("Bad spec.", ErrorMessage.Of(error));
    }

    [Fact]
    public void OtherExceptionsAreUnchanged()
    {
        var error = new InvalidDataException("run.h5: /spikes is not a 1-D float64 dataset (Parameter 'x')");

        Assert.Equal(error.Message, ErrorMessage.Of(error));
    }
}
