namespace SurrogateService.Numerics.Sampling;

/// <summary>The first primes, for the per-dimension bases and generators of Halton and Kronecker.</summary>
internal static class Primes
{
    /// <summary>The first <paramref name="count"/> primes: 2, 3, 5, …</summary>
    public static int[] First(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        // Rosser's bound p_n < n(ln n + ln ln n) for n ≥ 6 sizes the sieve.
        double n = count;
        int limit = count < 6 ? 13 : (int)Math.Ceiling(n * (Math.Log(n) + Math.Log(Math.Log(n))));
        var composite = new bool[limit + 1];
        var primes = new int[count];
        int found = 0;
        for (int candidate = 2; found < count; candidate++)
        {
            if (composite[candidate])
                continue;
            primes[found++] = candidate;
            for (long multiple = (long)candidate * candidate; multiple <= limit; multiple += candidate)
                composite[multiple] = true;
        }
        return primes;
    }
}
