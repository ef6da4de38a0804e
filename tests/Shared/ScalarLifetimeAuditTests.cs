using System.Reflection;
using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Testing;

/// <summary>No toolkit or test code in this test project's folder calls a TorchSharp method that makes a Scalar
/// nothing keeps alive (see <see cref="ScalarLifetimeAudit"/>); linked into every test project that uses
/// TorchSharp, so each audits the assemblies it ships with.</summary>
public sealed class ScalarLifetimeAuditTests
{
    private static readonly Lazy<ScalarLifetimeAudit> Audit = new(() => new ScalarLifetimeAudit());

    [Fact]
    public void TheAuditFindsTorchSharpsOwnTemporariesAndClearsTheSafeForms()
    {
        var tensor = typeof(Tensor);
        var scalar = typeof(Scalar);

        Assert.True(Audit.Value.IsUnsafe(tensor.GetMethod(nameof(Tensor.square), Type.EmptyTypes)!));
        Assert.True(Audit.Value.IsUnsafe(tensor.GetMethod("op_Addition", [tensor, tensor])!));
        Assert.True(Audit.Value.IsUnsafe(tensor.GetMethod(nameof(Tensor.add), [tensor])!));
        Assert.False(Audit.Value.IsUnsafe(tensor.GetMethod(nameof(Tensor.add), [tensor, scalar])!));
        Assert.False(Audit.Value.IsUnsafe(tensor.GetMethod(nameof(Tensor.mul), [tensor])!));
        Assert.False(Audit.Value.IsUnsafe(tensor.GetMethod(nameof(Tensor.pow), [scalar])!));
        Assert.False(Audit.Value.IsUnsafe(tensor.GetMethod("op_Subtraction", [tensor, tensor])!));
    }

    [Fact]
    public void NoToolkitCodeCallsAMethodThatLeavesAScalarUnprotected()
    {
        var folder = Path.GetDirectoryName(typeof(ScalarLifetimeAuditTests).Assembly.Location)!;
        var audited = Directory.GetFiles(folder, "NeuralPredictivity.*.dll")
            .Select(path => Assembly.LoadFrom(path))
            .ToList();
        Assert.Contains(typeof(ScalarLifetimeAuditTests).Assembly, audited);

        var findings = audited.SelectMany(assembly => Audit.Value.CallsIntoUnsafeMethods(assembly)).ToList();

        Assert.True(findings.Count == 0,
            "These calls make a TorchSharp Scalar that a collection can free mid-operation; pass a Scalar made "
            + "with ToScalar() in a using declaration instead (square() → mul(x) or pow(two); a + b → "
            + "a.add(b, one)):\n" + string.Join("\n", findings));
    }
}
