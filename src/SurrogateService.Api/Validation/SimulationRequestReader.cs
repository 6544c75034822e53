using Microsoft.Net.Http.Headers;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Streaming;
using SurrogateService.Numerics.Waves;

namespace SurrogateService.Api.Validation;

/// <summary>
/// Checks a simulation request field by field (defaults for what is missing), enforces the
/// configured caps, picks the format from <c>format</c> or the Accept header, and builds the plan.
/// </summary>
public static class SimulationRequestReader
{
    /// <summary>More threads than this cannot help on any machine the service runs on.</summary>
    public const int MaxThreads = 64;

    /// <summary>
    /// What a grid row costs beyond its cells, in cells: three kernel calls and their scalar tails
    /// (measured ≈ 30 ns a row, 20–30 cells' worth), so that narrow grids cannot outrun the cap.
    /// </summary>
    public const int RowCostInCells = 32;

    /// <summary>What a frame costs beyond its values, in values: its envelope and a flush to the client.</summary>
    public const int FrameCostInValues = 256;

    /// <summary>Receivers of one run; each costs a few operations per recorded step.</summary>
    public const int MaxReceivers = 1_000;

    /// <summary>GIF and PNG sides are 16-bit in GIF.</summary>
    private const int MaxImageSide = ushort.MaxValue;

    private static readonly (string Name, string MediaType, SnapshotFormat Format)[] Formats =
    [
        ("json", "application/json", SnapshotFormat.Json),
        ("npy", "application/x-npy", SnapshotFormat.Npy),
        ("png", "image/png", SnapshotFormat.Png),
        ("gif", "image/gif", SnapshotFormat.Gif),
    ];

    public static SimulationPlan? Read(SimulationRequest request, IList<string> accept, LimitsOptions limits, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(errors);
        var d = new AcousticWaveSettings();

        int? nx = AtLeast(request.Nx ?? d.Nx, AcousticWaveSettings.MinimumGridSize, "nx", errors);
        int? ny = AtLeast(request.Ny ?? d.Ny, AcousticWaveSettings.MinimumGridSize, "ny", errors);
        double? lx = Positive(request.Lx ?? d.Lx, "lx", errors);
        double? ly = Positive(request.Ly ?? d.Ly, "ly", errors);
        double? k = Positive(request.BulkModulus ?? d.BulkModulus, "bulkModulus", errors);
        double? rho = Positive(request.Density ?? d.Density, "density", errors);
        int? steps = AtLeast(request.Steps ?? d.Steps, 1, "steps", errors);
        int? every = AtLeast(request.SnapshotEvery ?? d.SnapshotEvery, 1, "snapshotEvery", errors);
        int? stride = AtLeast(request.Stride ?? 1, 1, "stride", errors);
        double? width = Positive(request.Pulse?.Width ?? d.PulseWidth, "pulse.width", errors);
        int threads = request.Threads ?? Math.Min(d.Threads, MaxThreads);
        if (threads is < 1 or > MaxThreads)
            errors.Add("threads", $"Must be between 1 and {MaxThreads}.");
        var format = ReadFormat(request.Format, accept, errors);
        bool doublePrecision = ReadPrecision(request.Precision, format, errors);
        double cfl = request.CflFactor ?? d.CflFactor;

        if (nx is int gridX && ny is int gridY)
        {
            long cells = (long)gridX * gridY;
            if (cells > limits.MaxWaveGridCells)
                errors.Add("nx", $"nx × ny is {cells}; the limit is {limits.MaxWaveGridCells} (Limits:MaxWaveGridCells).");
            // Within the grid cap the product cannot overflow.
            long work = ((long)gridX + RowCostInCells) * gridY * (steps ?? 0);
            if (cells <= limits.MaxWaveGridCells && work > limits.MaxWaveCellSteps)
                errors.Add("steps", $"(nx + {RowCostInCells}) × ny × steps is {work}; the limit is {limits.MaxWaveCellSteps} (Limits:MaxWaveCellSteps).");
        }
        if (steps is int run && every is int interval && interval > run)
            errors.Add("snapshotEvery", $"Must be at most steps ({run}).");

        (double X, double Y)? centre = null;
        (double X, double Y)[]? receivers = null;
        if (lx is double domainX && ly is double domainY)
        {
            centre = ReadCentre(request.Pulse?.Centre, domainX, domainY, errors);
            receivers = ReadReceivers(request.Receivers, domainX, domainY, errors);
        }
        var (traceEvery, snapshots) = ReadTraceOptions(request, receivers, steps, format, errors);
        if (nx is int gx && ny is int gy && lx is double sx && ly is double sy
            && UsableSpacing(sx, gx, "lx", "nx", errors) & UsableSpacing(sy, gy, "ly", "ny", errors))
        {
            double minimum = AcousticWaveSettings.MinimumStableCflFactor(sx / (gx - 1), sy / (gy - 1));
            if (!double.IsFinite(cfl) || cfl < minimum)
                errors.Add("cflFactor", $"Must be at least {minimum:R} on this grid: the scheme is stable while c·dt·sqrt(1/dx² + 1/dy²) ≤ 1, with dt = min(dx, dy)/c/cflFactor.");
        }
        if (!errors.IsEmpty || format is not SnapshotFormat chosen)
            return null;

        var settings = new AcousticWaveSettings
        {
            Nx = nx!.Value, Ny = ny!.Value, Lx = lx!.Value, Ly = ly!.Value, BulkModulus = k!.Value, Density = rho!.Value,
            // Without snapshots the run is one stretch of steps: a single frame at the end, not delivered.
            Steps = steps!.Value, SnapshotEvery = snapshots ? every!.Value : steps!.Value, CflFactor = cfl, PulseCentre = centre, PulseWidth = width!.Value,
            Receivers = receivers ?? [], TraceEvery = traceEvery,
            // More threads than cores only take turns on them (and spin at every barrier), so
            // the run uses at most the machine's cores whatever was asked.
            Threads = Math.Min(threads, Environment.ProcessorCount),
        };
        int frame = ReadFrame(request.Frame, chosen, settings.FrameCount, errors);
        var plan = new SimulationPlan(settings, chosen, stride!.Value, doublePrecision, frame, snapshots);
        CheckOutputSize(plan, limits, errors);
        return errors.IsEmpty ? plan : null;
    }

    private static void CheckOutputSize(SimulationPlan plan, LimitsOptions limits, RequestErrors errors)
    {
        long values = plan.DeliveredFrames * ((long)plan.Width * plan.Height + FrameCostInValues)
            + (long)plan.Settings.Receivers.Count * plan.Settings.TraceLength;
        if (values > limits.MaxWaveFrameCells)
            errors.Add("snapshotEvery", $"frames × (thinned nx × thinned ny + {FrameCostInValues}) + receivers × trace samples is {values}; the limit is {limits.MaxWaveFrameCells} (Limits:MaxWaveFrameCells). Take fewer snapshots, a larger stride or a larger traceEvery.");
        if (plan.Format is SnapshotFormat.Png or SnapshotFormat.Gif && Math.Max(plan.Width, plan.Height) > MaxImageSide)
            errors.Add("stride", $"An image is at most {MaxImageSide} pixels a side; thin the grid with a larger stride.");
    }

    private static SnapshotFormat? ReadFormat(string? name, IList<string> accept, RequestErrors errors)
    {
        if (name is not null)
        {
            foreach (var f in Formats)
                if (string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
                    return f.Format;
            errors.Add("format", $"Unknown format '{name}'. Valid values: {string.Join(", ", Formats.Select(f => f.Name))}.");
            return null;
        }
        return FromAccept(accept);
    }

    /// <summary>The supported media type the client prefers most (by quality, then order); JSON when it names none.</summary>
    private static SnapshotFormat FromAccept(IList<string> accept)
    {
        if (!MediaTypeHeaderValue.TryParseList(accept, out var types))
            return SnapshotFormat.Json;
        var best = types
            .Select((type, order) => (Type: type, Order: order, Format: Formats.FirstOrDefault(f => type.MediaType.Equals(f.MediaType, StringComparison.OrdinalIgnoreCase))))
            .Where(t => t.Format.Name is not null && t.Type.Quality is not 0)
            .OrderByDescending(t => t.Type.Quality ?? 1)
            .ThenBy(t => t.Order)
            .FirstOrDefault();
        return best.Format.Name is null ? SnapshotFormat.Json : best.Format.Format;
    }

    private static bool ReadPrecision(string? precision, SnapshotFormat? format, RequestErrors errors)
    {
        if (precision is null)
            return false;
        bool isDouble = string.Equals(precision, "float64", StringComparison.OrdinalIgnoreCase);
        if (!isDouble && !string.Equals(precision, "float32", StringComparison.OrdinalIgnoreCase))
            errors.Add("precision", $"Unknown precision '{precision}'. Valid values: float32, float64.");
        else if (format is not null and not SnapshotFormat.Npy)
            errors.Add("precision", "Applies to the npy format only (JSON carries float64 values, images have 256 colours).");
        return isDouble;
    }

    private static int ReadFrame(int? frame, SnapshotFormat format, int frameCount, RequestErrors errors)
    {
        if (frame is null)
            return frameCount - 1;
        if (format != SnapshotFormat.Png)
            errors.Add("frame", "Applies to the png format only; the other formats carry every frame.");
        else if (frame < 0 || frame >= frameCount)
            errors.Add("frame", $"Must be between 0 and {frameCount - 1} (the run takes {frameCount} snapshots).");
        return frame.Value;
    }

    private static (double X, double Y)? ReadCentre(double[]? centre, double lx, double ly, RequestErrors errors)
    {
        if (centre is null)
            return null;
        if (centre.Length != 2)
        {
            errors.Add("pulse.centre", "Must be [x, y].");
            return null;
        }
        if (!(centre[0] >= 0 && centre[0] <= lx && centre[1] >= 0 && centre[1] <= ly))
        {
            errors.Add("pulse.centre", $"Must lie inside the domain [0, {lx}] × [0, {ly}].");
            return null;
        }
        return (centre[0], centre[1]);
    }

    /// <summary>
    /// The stability bound and the kernels use 1/dx²; a spacing whose square underflows to zero or
    /// overflows makes them meaningless, so the length is refused on its own account.
    /// </summary>
    private static bool UsableSpacing(double length, int cells, string lengthField, string cellsField, RequestErrors errors)
    {
        double spacing = length / (cells - 1);
        double square = spacing * spacing;
        if (square > 0 && double.IsFinite(square) && double.IsFinite(1 / square))
            return true;
        errors.Add(lengthField, spacing < 1
            ? $"Is too small for {cellsField} = {cells}: the grid spacing {lengthField}/({cellsField} − 1) = {spacing:R} squared underflows to zero, and the solver divides by it."
            : $"Is too large for {cellsField} = {cells}: the grid spacing {lengthField}/({cellsField} − 1) = {spacing:R} squared overflows.");
        return false;
    }

    private static (double X, double Y)[]? ReadReceivers(double[][]? receivers, double lx, double ly, RequestErrors errors)
    {
        if (receivers is null)
            return null;
        if (receivers.Length == 0)
            errors.Add("receivers", "Must name at least one receiver, or be left out.");
        if (receivers.Length > MaxReceivers)
            errors.Add("receivers", $"At most {MaxReceivers} receivers.");
        for (int r = 0; r < receivers.Length && r < MaxReceivers; r++)
        {
            var point = receivers[r];
            if (point is null || point.Length != 2)
                errors.Add($"receivers[{r}]", "Must be [x, y].");
            else if (!(point[0] >= 0 && point[0] <= lx && point[1] >= 0 && point[1] <= ly))
                errors.Add($"receivers[{r}]", $"Must lie inside the domain [0, {lx}] × [0, {ly}].");
        }
        return errors.IsEmpty ? receivers.Select(p => (p[0], p[1])).ToArray() : null;
    }

    /// <summary>traceEvery (default 1) and snapshots (default true); both only make sense with receivers.</summary>
    private static (int TraceEvery, bool Snapshots) ReadTraceOptions(SimulationRequest request, (double X, double Y)[]? receivers, int? steps, SnapshotFormat? format, RequestErrors errors)
    {
        bool snapshots = request.Snapshots ?? true;
        int every = request.TraceEvery ?? 1;
        if (request.Receivers is null)
        {
            if (request.TraceEvery is not null)
                errors.Add("traceEvery", "Applies only with receivers.");
            if (!snapshots)
                errors.Add("snapshots", "Can be false only with receivers: the answer would be empty.");
            return (1, snapshots);
        }
        if (every < 1 || steps is int run && every > run)
            errors.Add("traceEvery", $"Must be between 1 and steps ({steps}).");
        if (!snapshots && request.SnapshotEvery is not null)
            errors.Add("snapshotEvery", "Applies to snapshots only; with snapshots false only traces are returned.");
        if (!snapshots && format is SnapshotFormat.Png or SnapshotFormat.Gif)
            errors.Add("format", "Images show snapshots; traces come as json or npy.");
        if (snapshots && format is SnapshotFormat.Npy)
            errors.Add("snapshots", "An npy answer holds one array: set snapshots to false for the traces (shape receivers × samples), or use json for both.");
        if (snapshots && format is SnapshotFormat.Png or SnapshotFormat.Gif)
            errors.Add("receivers", "Images carry no traces; use json or npy (with snapshots false).");
        return (every, snapshots);
    }

    private static int? AtLeast(int value, int minimum, string field, RequestErrors errors)
    {
        if (value >= minimum)
            return value;
        errors.Add(field, $"Must be at least {minimum}.");
        return null;
    }

    private static double? Positive(double value, string field, RequestErrors errors)
    {
        if (double.IsFinite(value) && value > 0)
            return value;
        errors.Add(field, "Must be a positive number.");
        return null;
    }
}
