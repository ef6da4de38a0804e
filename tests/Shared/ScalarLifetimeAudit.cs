using System.Reflection;
using System.Reflection.Emit;

namespace NeuralPredictivity.Testing;

/// <summary>Finds calls into TorchSharp methods that make a Scalar nothing keeps alive, by reading IL.</summary>
/// <remarks>
/// TorchSharp 0.107 frees a Scalar's native value in a finaliser. Some of its own methods make one internally
/// and pass only the pointer on: <c>square()</c> is <c>pow(2)</c>, <c>a + b</c> and <c>add(b)</c> add with an
/// implicit alpha of 1. A collection during that LibTorch call can free the number mid-read, so such a method
/// fails at random ("Unknown scalar type") or computes with a wrong value. The analyzer's list
/// (build/BannedSymbols.txt) sees only what our source writes; this audit sees inside TorchSharp.
/// <para>A TorchSharp method is unsafe when its IL converts more numbers to Scalars (implicit conversion or
/// ToScalar) than it disposes, or when it calls an unsafe TorchSharp method; the set is closed over
/// TorchSharp's own calls. Our code may call ToScalar itself: that is the safe pattern, with a using.</para>
/// </remarks>
internal sealed class ScalarLifetimeAudit
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
        | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    private readonly Assembly _torchSharp;
    private readonly HashSet<(Guid Module, int Token)> _unsafe = [];

    /// <summary>Reads every method of TorchSharp once and closes the unsafe set over its internal calls.</summary>
    internal ScalarLifetimeAudit()
    {
        _torchSharp = typeof(TorchSharp.Scalar).Assembly;
        var callsOf = new Dictionary<(Guid, int), List<MethodBase>>();
        foreach (var method in MethodsOf(_torchSharp))
        {
            var calls = CallsIn(method);
            callsOf[KeyOf(method)] = calls;
            var typeName = method.DeclaringType?.FullName;
            if (typeName is "TorchSharp.Scalar" or "TorchSharp.ScalarExtensionMethods")
            {
                continue;
            }

            if (calls.Count(MakesScalar) > calls.Count(DisposesScalar))
            {
                _unsafe.Add(KeyOf(method));
            }
        }

        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (key, calls) in callsOf)
            {
                if (!_unsafe.Contains(key) && calls.Any(call => _unsafe.Contains(KeyOf(call))))
                {
                    grew |= _unsafe.Add(key);
                }
            }
        }
    }

    /// <summary>Whether calling <paramref name="method"/> (a TorchSharp method) leaves a Scalar unprotected.</summary>
    internal bool IsUnsafe(MethodBase method) => _unsafe.Contains(KeyOf(method));

    /// <summary>One line per call site in <paramref name="assembly"/> that reaches an unsafe TorchSharp method:
    /// "Caller → TorchSharp member".</summary>
    internal IReadOnlyList<string> CallsIntoUnsafeMethods(Assembly assembly)
    {
        var findings = new List<string>();
        foreach (var method in MethodsOf(assembly))
        {
            foreach (var call in CallsIn(method))
            {
                if (call.Module.Assembly == _torchSharp && !MakesScalar(call) && IsUnsafe(call))
                {
                    findings.Add($"{method.DeclaringType?.FullName}.{method.Name} → "
                        + $"{call.DeclaringType?.FullName}.{call.Name}({string.Join(", ", ParameterTypes(call))})");
                }
            }
        }

        return findings.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static (Guid, int) KeyOf(MethodBase method) => (method.Module.ModuleVersionId, method.MetadataToken);

    private static bool MakesScalar(MethodBase method) =>
        method.DeclaringType?.FullName == "TorchSharp.Scalar" && method.Name == "op_Implicit"
        || method.DeclaringType?.FullName == "TorchSharp.ScalarExtensionMethods" && method.Name == "ToScalar";

    private static bool DisposesScalar(MethodBase method) =>
        method.DeclaringType?.FullName == "TorchSharp.Scalar" && method.Name == "Dispose";

    private static IEnumerable<string> ParameterTypes(MethodBase method)
    {
        try
        {
            return method.GetParameters().Select(parameter => parameter.ParameterType.Name);
        }
        catch (FileNotFoundException)
        {
            return ["…"];
        }
    }

    private static IEnumerable<MethodBase> MethodsOf(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            types = partial.Types.OfType<Type>().ToArray();
        }

        foreach (var type in types)
        {
            foreach (var method in type.GetMethods(Declared))
            {
                yield return method;
            }

            foreach (var constructor in type.GetConstructors(Declared))
            {
                yield return constructor;
            }
        }
    }

    /// <summary>The methods that <paramref name="method"/>'s IL calls, constructs with or takes pointers to.</summary>
    private static List<MethodBase> CallsIn(MethodBase method)
    {
        var calls = new List<MethodBase>();
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception exception) when (exception is FileNotFoundException or BadImageFormatException)
        {
            return calls;
        }

        for (var offset = 0; il is not null && offset < il.Length;)
        {
            var code = il[offset] == 0xFE
                ? OpCodesByValue[(short)(0xFE00 | il[offset + 1])]
                : OpCodesByValue[il[offset]];
            offset += code.Size;
            if (code == OpCodes.Call || code == OpCodes.Callvirt || code == OpCodes.Newobj || code == OpCodes.Ldftn
                || code == OpCodes.Ldvirtftn)
            {
                var target = Resolve(method, BitConverter.ToInt32(il, offset));
                if (target is not null)
                {
                    calls.Add(target);
                }
            }

            offset += OperandSize(code, il, offset);
        }

        return calls;
    }

    private static MethodBase? Resolve(MethodBase method, int token)
    {
        try
        {
            var typeArguments = method.DeclaringType is { IsGenericType: true } generic
                ? generic.GetGenericArguments()
                : null;
            var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
            return method.Module.ResolveMethod(token, typeArguments, methodArguments);
        }
        catch (Exception exception) when (exception is ArgumentException or FileNotFoundException
            or TypeLoadException or BadImageFormatException)
        {
            return null;
        }
    }

    private static int OperandSize(OpCode code, byte[] il, int offset) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, offset),
        _ => 4,
    };
}
