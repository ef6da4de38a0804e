namespace NeuralPredictivity.Testing;

/// <summary>Runs an action while another thread collects garbage and runs finalisers without pause.</summary>
/// <remarks>TorchSharp objects hold raw native pointers freed by finalisers; an object that nothing references
/// while LibTorch still reads its pointer is freed under this pressure within a few hundred operations, so code
/// that passes here keeps every operand alive.</remarks>
internal static class CollectionPressure
{
    internal static void During(Action action)
    {
        var stop = 0;
        var collector = new Thread(() =>
        {
            while (Volatile.Read(ref stop) == 0)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });
        collector.Start();
        try
        {
            action();
        }
        finally
        {
            Volatile.Write(ref stop, 1);
            collector.Join();
        }
    }
}
