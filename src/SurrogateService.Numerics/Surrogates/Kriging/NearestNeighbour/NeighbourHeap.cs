namespace SurrogateService.Numerics.Surrogates;

/// <summary>The k nearest candidates seen so far, as a max-heap on squared distance over caller-owned spans.</summary>
internal ref struct NeighbourHeap(Span<int> indices, Span<double> squaredDistances)
{
    private readonly Span<int> _indices = indices;
    private readonly Span<double> _distances = squaredDistances;

    public int Count { get; private set; }

    public readonly bool IsFull => Count == _indices.Length;

    /// <summary>The largest squared distance held (the bound a better candidate must beat).</summary>
    public readonly double Worst => Count == 0 ? double.PositiveInfinity : _distances[0];

    public void Offer(int index, double squaredDistance)
    {
        if (_indices.Length == 0)
            return;
        if (!IsFull)
        {
            int child = Count++;
            _indices[child] = index;
            _distances[child] = squaredDistance;
            SiftUp(child);
            return;
        }
        // Ties keep the lower index, so the result does not depend on the order of the search.
        if (squaredDistance > _distances[0] || (squaredDistance == _distances[0] && index > _indices[0]))
            return;
        _indices[0] = index;
        _distances[0] = squaredDistance;
        SiftDown(0, Count);
    }

    /// <summary>Turns the heap into a list sorted by increasing distance (ties by index).</summary>
    public void SortAscending()
    {
        for (int last = Count - 1; last > 0; last--)
        {
            Swap(0, last);
            SiftDown(0, last);
        }
    }

    private readonly bool Above(int a, int b) =>
        _distances[a] > _distances[b] || (_distances[a] == _distances[b] && _indices[a] > _indices[b]);

    private void SiftUp(int child)
    {
        while (child > 0)
        {
            int parent = (child - 1) / 2;
            if (!Above(child, parent))
                return;
            Swap(child, parent);
            child = parent;
        }
    }

    private void SiftDown(int parent, int count)
    {
        while (true)
        {
            int largest = parent, left = 2 * parent + 1, right = left + 1;
            if (left < count && Above(left, largest))
                largest = left;
            if (right < count && Above(right, largest))
                largest = right;
            if (largest == parent)
                return;
            Swap(parent, largest);
            parent = largest;
        }
    }

    private readonly void Swap(int a, int b)
    {
        (_indices[a], _indices[b]) = (_indices[b], _indices[a]);
        (_distances[a], _distances[b]) = (_distances[b], _distances[a]);
    }
}
