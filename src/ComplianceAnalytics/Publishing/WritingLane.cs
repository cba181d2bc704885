using System.Collections.Concurrent;

namespace ComplianceAnalytics.Publishing;

/// <summary>
/// Writes files on one thread, in the order the jobs are added, while the adding thread goes on querying the
/// store. At most <see cref="Ahead"/> jobs wait: enough for every workbook of a run of several dozen firms, so
/// the adding thread does not wait for the writer before its own work is done (what a job holds is small: the
/// query results it shows are held for the whole run anyway), yet bounded. One workbook is written at a time. A job's failure stops the lane: the jobs after it are not run, and
/// <see cref="Add"/> or <see cref="Finish"/> throws it.
/// </summary>
internal sealed class WritingLane : IDisposable
{
    /// <summary>Jobs that may wait while one is written.</summary>
    private const int Ahead = 64;

    private readonly BlockingCollection<Func<IEnumerable<OutputFile>>> _jobs = new(Ahead);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<OutputFile> _written = [];
    private readonly Task _writer;

    public WritingLane()
    {
        _writer = Task.Run(() =>
        {
            try
            {
                foreach (var job in _jobs.GetConsumingEnumerable(_stop.Token))
                {
                    _written.AddRange(job());
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Stopped by the adding thread's own failure (Stop): the jobs left are not run.
            }
            catch
            {
                // Unblocks an Add waiting for room; its failure is thrown by Add or Finish.
                _stop.Cancel();
                throw;
            }
        });
    }

    /// <summary>Whether <see cref="Finish"/> or <see cref="Stop"/> has been called.</summary>
    public bool Ended { get; private set; }

    /// <summary>Queues a job, waiting while <see cref="Ahead"/> already wait; throws the failure of a job before it.</summary>
    public void Add(Func<IEnumerable<OutputFile>> job)
    {
        try
        {
            _jobs.Add(job, _stop.Token);
        }
        catch (OperationCanceledException) when (_writer.IsFaulted || _stop.IsCancellationRequested)
        {
            Finish();
            throw;
        }
    }

    /// <summary>Waits for every job added and gives what they wrote, in order; throws the first job's failure.</summary>
    public IReadOnlyList<OutputFile> Finish()
    {
        Ended = true;
        if (!_jobs.IsAddingCompleted)
        {
            _jobs.CompleteAdding();
        }

        _writer.GetAwaiter().GetResult();
        return _written;
    }

    /// <summary>
    /// After the adding thread failed: runs no further job, waits for the one being written (so nothing is left
    /// writing into the folder behind the caller's back), and gives that job's failure, if it failed.
    /// </summary>
    public Exception? Stop()
    {
        Ended = true;
        _stop.Cancel();
        try
        {
            _writer.GetAwaiter().GetResult();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    public void Dispose()
    {
        if (!Ended)
        {
            Stop();
        }

        _jobs.Dispose();
        _stop.Dispose();
    }
}
