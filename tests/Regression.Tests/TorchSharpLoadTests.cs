using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Regression.Tests;

/// <summary>Proves that TorchSharp's native libraries load and compute in the test process.</summary>
public sealed class TorchSharpLoadTests
{
    [Fact]
    public void AutogradStepGivesTheAnalyticGradient()
    {
        // f(w) = Σ (w·x)² with w = [1, 2], x = [3, 4]: ∂f/∂w = 2(w·x)x = 2·11·[3, 4] = [66, 88].
        using var w = tensor(new[] { 1.0, 2.0 }, dtype: ScalarType.Float64, requires_grad: true);
        using var x = tensor(new[] { 3.0, 4.0 }, dtype: ScalarType.Float64);

        using var two = 2.ToScalar();
        using var f = (w * x).sum().pow(two);
        f.backward();

        Assert.Equal(121.0, f.item<double>(), 12);
        Assert.Equal(new[] { 66.0, 88.0 }, w.grad!.data<double>().ToArray());
    }
}
