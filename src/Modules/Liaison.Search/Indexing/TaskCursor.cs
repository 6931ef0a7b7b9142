namespace Liaison.Search.Indexing;

/// <summary>
/// How far this node has applied the indexing tasks. Task ids come from a sequence, but on PostgreSQL a transaction
/// that took id 10 may commit after one that took id 11, so "everything after the highest id seen" would skip 10 for
/// good. Ids missing below <see cref="High"/> are therefore kept as gaps and looked up again on every pass; a gap
/// that stays empty for <see cref="GapTimeout"/> is given up (a rolled-back transaction leaves a hole that never
/// fills). <see cref="Settled"/>, the durable cursor, never passes a gap still waited for.
/// </summary>
public sealed class TaskCursor(long settled)
{
    /// <summary>Far longer than a save transaction takes between taking its id and committing.</summary>
    public static readonly TimeSpan GapTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A jump larger than this (a sequence moved by hand) is not tracked id by id.</summary>
    private const long MaxTrackedGap = 10_000;

    private readonly SortedDictionary<long, DateTime> _gaps = [];

    /// <summary>Every task up to here is applied or given up: the value to persist.</summary>
    public long Settled { get; private set; } = settled;

    /// <summary>The highest task id applied: new tasks are read after it.</summary>
    public long High { get; private set; } = settled;

    /// <summary>Ids below <see cref="High"/> not seen yet, still waited for.</summary>
    public IReadOnlyCollection<long> Gaps => _gaps.Keys;

    /// <summary>Records the ids of tasks just applied (new ones and late ones) and gives up gaps older than the timeout.</summary>
    public void Applied(IEnumerable<long> ids, DateTime now)
    {
        foreach (var id in ids.Order())
        {
            if (id > High)
            {
                for (var missing = Math.Max(High + 1, id - MaxTrackedGap); missing < id; missing++)
                {
                    _gaps[missing] = now;
                }

                High = id;
            }
            else
            {
                _gaps.Remove(id);
            }
        }

        foreach (var (id, _) in _gaps.Where(g => now - g.Value >= GapTimeout).ToList())
        {
            _gaps.Remove(id);
        }

        Settled = _gaps.Count == 0 ? High : _gaps.Keys.First() - 1;
    }
}
