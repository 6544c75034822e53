namespace SurrogateService.Numerics.Models;

/// <summary>An input a model cannot take: wrong sizes, non-finite numbers, values outside its domain.</summary>
public sealed class ModelInputException(string message) : Exception(message);
