namespace Liaison.Pairing.Planning;

/// <summary>
/// Min-cost max-flow by successive shortest paths (Dijkstra with potentials; all edge costs start non-negative).
/// Deterministic: nodes and edges are visited in the order they were added and ties go to the lower node number.
/// </summary>
internal sealed class MinCostFlow(int nodeCount)
{
    private readonly List<int>[] _outgoing = [.. Enumerable.Range(0, nodeCount).Select(_ => new List<int>())];
    private readonly List<int> _to = [];
    private readonly List<int> _capacity = [];
    private readonly List<long> _cost = [];

    /// <summary>Adds an edge and returns its number, to read its flow afterwards.</summary>
    public int AddEdge(int from, int to, int capacity, long cost)
    {
        var edge = _to.Count;
        Add(from, to, capacity, cost);
        Add(to, from, 0, -cost);
        return edge;
    }

    /// <summary>The flow through an edge returned by <see cref="AddEdge"/>.</summary>
    public int Flow(int edge) => _capacity[edge ^ 1];

    public int Run(int source, int sink)
    {
        var potential = new long[nodeCount];
        var flow = 0;
        while (ShortestPath(source, sink, potential) is { } previousEdge)
        {
            for (var node = sink; node != source; node = _to[previousEdge[node] ^ 1])
            {
                _capacity[previousEdge[node]]--;
                _capacity[previousEdge[node] ^ 1]++;
            }

            flow++;
        }

        return flow;
    }

    // Every capacity on the source side is 1, so each path carries one unit.
    private int[]? ShortestPath(int source, int sink, long[] potential)
    {
        var distance = new long[nodeCount];
        Array.Fill(distance, long.MaxValue);
        var previousEdge = new int[nodeCount];
        Array.Fill(previousEdge, -1);
        distance[source] = 0;
        var queue = new PriorityQueue<int, (long Distance, int Node)>();
        queue.Enqueue(source, (0, source));
        while (queue.TryDequeue(out var node, out var key))
        {
            if (key.Distance != distance[node])
            {
                continue;
            }

            foreach (var edge in _outgoing[node])
            {
                var next = _to[edge];
                if (_capacity[edge] <= 0)
                {
                    continue;
                }

                var candidate = distance[node] + _cost[edge] + potential[node] - potential[next];
                if (candidate < distance[next])
                {
                    distance[next] = candidate;
                    previousEdge[next] = edge;
                    queue.Enqueue(next, (candidate, next));
                }
            }
        }

        if (distance[sink] == long.MaxValue)
        {
            return null;
        }

        for (var node = 0; node < nodeCount; node++)
        {
            if (distance[node] != long.MaxValue)
            {
                potential[node] += distance[node];
            }
        }

        return previousEdge;
    }

    private void Add(int from, int to, int capacity, long cost)
    {
        _outgoing[from].Add(_to.Count);
        _to.Add(to);
        _capacity.Add(capacity);
        _cost.Add(cost);
    }
}
