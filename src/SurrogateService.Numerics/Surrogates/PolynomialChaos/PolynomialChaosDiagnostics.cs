namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// What the polynomial chaos fit chose: the degree, the number of terms kept out of the candidate
/// basis of that degree, the corrected relative leave-one-out error that chose them (mean squared
/// leave-one-out residual over the variance of the values, times the small-sample correction), and the
/// model's mean and variance over the box.
/// </summary>
public sealed record PolynomialChaosDiagnostics(
    int Degree,
    int Terms,
    int CandidateTerms,
    double CorrectedRelativeLeaveOneOutError,
    double Mean,
    double Variance);
