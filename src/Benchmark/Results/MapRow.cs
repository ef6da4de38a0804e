using CsvHelper;

namespace NeuralPredictivity.Benchmark;

/// <summary>One row of <c>maps.csv</c>: one neuron in one bin, actual and held-out predicted rate.</summary>
/// <remarks>
/// Every bin of the grid is listed, so the maps redraw without refitting. <c>actual_hz</c> is NaN where
/// the animal never passed at running speed; <c>predicted_hz</c> is NaN outside the regression bins.
/// A predicted value is the mean of the predictions made for that bin while it was held out (once per
/// fold for k-fold schemes; averaged over the splits that held it out for repeated random splits).
/// </remarks>
[CsvRecord]
[CsvOptions(NewLine = "\n")]
internal sealed partial class MapRow
{
    [CsvColumn("neuron_id")] public string NeuronId { get; set; } = "";
    [CsvColumn("bin")] public int Bin { get; set; }
    [CsvColumn("column")] public int Column { get; set; }
    [CsvColumn("row")] public int Row { get; set; }
    [CsvColumn("x_cm")] public double XCm { get; set; }
    [CsvColumn("y_cm")] public double YCm { get; set; }
    [CsvColumn("actual_hz")] public double ActualHz { get; set; }
    [CsvColumn("predicted_hz")] public double PredictedHz { get; set; }
}
