namespace SurrogateService.Numerics.Models;

/// <summary>
/// The derivative products of MUQ and UM-Bridge, from a model's Jacobian J = ∂output[outWrt]/∂input[inWrt]:
/// the gradient of an objective whose gradient in that output is <c>sens</c> (Jᵀ·sens), and the
/// action of J on a vector (J·vec).
/// </summary>
public static class ModelDerivatives
{
    public static double[] Gradient(IVectorModel model, IReadOnlyList<double[]> inputs, int outWrt, int inWrt, double[] sens, CancellationToken cancellationToken)
    {
        var (jacobian, rows, columns) = Checked(model, inputs, outWrt, inWrt, cancellationToken);
        ModelInputs.CheckVector(sens, rows, "sens");
        var gradient = new double[columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
                gradient[c] += jacobian[r * columns + c] * sens[r];
        }
        return gradient;
    }

    public static double[] ApplyJacobian(IVectorModel model, IReadOnlyList<double[]> inputs, int outWrt, int inWrt, double[] vec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelInputs.CheckIndex(inWrt, model.InputSizes.Count, "inWrt");
        ModelInputs.CheckVector(vec, model.InputSizes[inWrt], "vec");
        var (jacobian, rows, columns) = Checked(model, inputs, outWrt, inWrt, cancellationToken);
        var product = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            double sum = 0;
            for (int c = 0; c < columns; c++)
                sum += jacobian[r * columns + c] * vec[c];
            product[r] = sum;
        }
        return product;
    }

    private static (double[] Jacobian, int Rows, int Columns) Checked(IVectorModel model, IReadOnlyList<double[]> inputs, int outWrt, int inWrt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.HasJacobian)
            throw new NotSupportedException("The model has no derivatives.");
        ModelInputs.Check(model, inputs);
        ModelInputs.CheckIndex(inWrt, model.InputSizes.Count, "inWrt");
        ModelInputs.CheckIndex(outWrt, model.OutputSizes.Count, "outWrt");
        return (model.Jacobian(inputs, outWrt, inWrt, cancellationToken), model.OutputSizes[outWrt], model.InputSizes[inWrt]);
    }
}
