namespace SurrogateService.KrigingBench;

/// <summary>What one method achieved on one case: test RMSE, fit time, and the time to predict the test points with standard errors.</summary>
internal sealed record Measurement(string Method, double Rmse, double FitSeconds, double PredictSeconds, string Detail);
