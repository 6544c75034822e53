namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The clusters of a mixture of experts and their experts, before a gating sharpness is chosen: a Gaussian
/// mixture fitted to (inputs, value) (Bettebghor et al. 2011, §3), each training point assigned to its most
/// probable cluster, one expert per cluster, and the gating Gaussians, which are the input marginals of the
/// joint mixture (weights π_k, means μ_k^x, covariances Σ_k^xx) in box-scaled coordinates.
/// </summary>
/// <remarks>Both gatings are fitted: the Gaussian one of the clustering and a softmax network trained on the clusters; cross-validation or the options pick one.</remarks>
internal sealed record MixturePartition(GaussianGating Gaussian, SoftmaxGating Softmax, int[] Assignment, Expert[] Experts)
{
    /// <summary>The fewest points a cluster may hold: enough for every expert but the quadratic to be fitted and cross-validated.</summary>
    public static int MinimumClusterSize(int dimension) => Math.Max(6, 2 * (dimension + 1));

    /// <summary>Clusters the data into <paramref name="clusters"/> parts and fits an expert to each.</summary>
    /// <exception cref="SurrogateFitException">A cluster holds too few points, or no expert fits one.</exception>
    public static MixturePartition Fit(TrainingSet data, int clusters, ulong seed, CancellationToken cancellationToken)
    {
        int n = data.Count, d = data.Dimension, m = d + 1;
        var scaling = new BoxScaling(data.Box);
        double mean = data.Values.Average();
        double spread = Math.Sqrt(data.Values.Sum(v => (v - mean) * (v - mean)) / n);
        if (spread == 0)
            spread = 1;
        // Inputs on [−1, 1] and the values standardised, so that neither dominates the clustering by its units.
        var joint = new double[n * m];
        for (int i = 0; i < n; i++)
        {
            scaling.ToUnit(data.Points[i], joint.AsSpan(i * m, d));
            joint[i * m + d] = (data.Values[i] - mean) / spread;
        }
        var mixture = GaussianMixture.Fit(joint, n, m, clusters, seed);
        var responsibilities = new double[n * clusters];
        mixture.Expect(joint, n, responsibilities);
        var assignment = new int[n];
        var counts = new int[clusters];
        for (int i = 0; i < n; i++)
        {
            var row = responsibilities.AsSpan(i * clusters, clusters);
            int best = 0;
            for (int k = 1; k < clusters; k++)
            {
                if (row[k] > row[best])
                    best = k;
            }
            assignment[i] = best;
            counts[best]++;
        }
        int minimum = MinimumClusterSize(d);
        if (counts.Min() < minimum)
        {
            throw new SurrogateFitException(
                $"With {clusters} clusters one holds {counts.Min()} of the {n} points; every cluster needs at least {minimum}. Take fewer clusters.")
            { Field = "options.clusters" };
        }
        var experts = new Expert[clusters];
        for (int k = 0; k < clusters; k++)
            experts[k] = ExpertChoice.Choose(ClusterData(data, assignment, k), cancellationToken);
        return new MixturePartition(
            new GaussianGating(GatingMixture.InputMarginal(mixture, d), data.Box), SoftmaxGating.Fit(data, assignment, clusters, cancellationToken), assignment, experts);
    }

    /// <summary>The gating of the given model ("gaussian" or "softmax") with the given heaviside factor.</summary>
    public IGating Gating(string model, double heaviside) =>
        (model == MixtureOfExpertsKind.SoftmaxGating ? (IGating)Softmax : Gaussian).WithHeaviside(heaviside);

    /// <summary>The training points assigned to cluster <paramref name="cluster"/>, in their order.</summary>
    public static TrainingSet ClusterData(TrainingSet data, int[] assignment, int cluster) =>
        KFoldCrossValidation.Subset(data, Enumerable.Range(0, data.Count).Where(i => assignment[i] == cluster).ToArray());
}

/// <summary>The gating Gaussians on box-scaled inputs: weights π_k, means (K×d) and covariances (K blocks of d×d).</summary>
internal sealed record GatingMixture(double[] Weights, double[] Means, double[] Covariances)
{
    /// <summary>The marginal of the joint (x, y) mixture on its first <paramref name="dimension"/> coordinates.</summary>
    public static GatingMixture InputMarginal(GaussianMixture joint, int dimension)
    {
        int clusters = joint.Count, m = joint.Dimension;
        var means = new double[clusters * dimension];
        var covariances = new double[clusters * dimension * dimension];
        for (int k = 0; k < clusters; k++)
        {
            for (int a = 0; a < dimension; a++)
            {
                means[k * dimension + a] = joint.Means[k * m + a];
                for (int b = 0; b < dimension; b++)
                    covariances[(k * dimension + a) * dimension + b] = joint.Covariances[(k * m + a) * m + b];
            }
        }
        return new GatingMixture((double[])joint.Weights.Clone(), means, covariances);
    }
}
