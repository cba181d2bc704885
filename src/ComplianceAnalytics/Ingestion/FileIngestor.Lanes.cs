using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using ComplianceAnalytics.DuckDb;
using ComplianceAnalytics.Exports;
using ComplianceAnalytics.Store;

namespace ComplianceAnalytics.Ingestion;

/// <summary>A run of files: staging lanes beside the committing connection, and how a run stops.</summary>
public sealed partial class FileIngestor
{
    /// <summary>Connections that stage files beside the one that commits them.</summary>
    private const int StagingLanes = 2;

    /// <summary>
    /// Ingests files in the order given, with the same result as one <see cref="Ingest"/> after another:
    /// the next files are staged on two further connections while one is committed, and each file is checked
    /// against the store (identical bytes, duplicate rows) only when its turn to commit comes.
    /// </summary>
    /// <param name="files">The files' paths, ingested in this order.</param>
    /// <param name="profile">The profile of every file; each file's own, by its name, when null.</param>
    /// <param name="onFile">Called with each file's result as soon as it is committed.</param>
    /// <param name="cancellationToken">Checked before each file's commit: it stops the run with an OperationCanceledException, the files committed before staying recorded.</param>
    /// <exception cref="StoreUnavailableException">The store could not be written; the files before were recorded, that one and the rest were not.</exception>
    public IReadOnlyList<IngestResult> IngestAll(
        IReadOnlyList<string> files, MappingProfile? profile, Action<IngestResult>? onFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var results = new List<IngestResult>(files.Count);
        var laneCount = Math.Clamp(files.Count, 1, StagingLanes);
        var connections = new List<DuckDbConnection>(laneCount);
        // Lane k stages files k, k + lanes, ...; each holds at most one staged file the commit has not taken.
        var lanes = Enumerable.Range(0, laneCount).Select(_ => new BlockingCollection<StagedFile>(1)).ToList();
        var run = new StagingRun(CancellationTokenSource.CreateLinkedTokenSource(cancellationToken));
        var slots = files.Select(_ => NextSlot()).ToList();
        var committed = 0;
        var staging = new List<Task>(laneCount);
        var interrupt = default(CancellationTokenRegistration);
        var failed = true;
        try
        {
            for (var lane = 0; lane < laneCount; lane++)
            {
                connections.Add(_store.OpenConnection());
            }

            // A stopped run (cancelled, or ending with a failure) interrupts the statement each staging
            // connection is running, so that it need not finish its file. The registration lasts until the
            // lanes have ended (see finally).
            interrupt = run.Stop.Token.Register(() => connections.ForEach(c => c.Interrupt()));
            for (var lane = 0; lane < laneCount; lane++)
            {
                staging.Add(StageLane(lane, laneCount, connections[lane], lanes[lane], files, profile, slots, run));
            }

            for (var i = 0; i < files.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!lanes[i % laneCount].TryTake(out var file, Timeout.Infinite, run.Stop.Token))
                {
                    // Staging failed at this file, after the lane handed over the files before it, as one
                    // file after another would have committed them; that failure is thrown below, once the
                    // run is cleaned up.
                    break;
                }

                committed++;
                IngestResult result;
                try
                {
                    result = Commit(file);
                }
                catch (DuckDbException ex)
                {
                    // Commit quarantines what is wrong with a file; what escapes it is the store's failure.
                    throw new StoreUnavailableException(_store.Path, $"writing {file.Path} failed, so nothing of that file was recorded: {ex.Message}", ex);
                }

                results.Add(result);
                onFile?.Invoke(result);
                try
                {
                    DropWorkTables(file.Tables);
                }
                catch (DuckDbException ex)
                {
                    throw new StoreUnavailableException(_store.Path, $"{file.Path} was recorded, but its work tables could not be dropped: {ex.Message}", ex);
                }
            }

            failed = false;
        }
        finally
        {
            run.Stop.Cancel();
            // The lanes catch their own failures, so this waits without throwing.
            Task.WaitAll([.. staging], CancellationToken.None);
            interrupt.Dispose();
            connections.ForEach(c => c.Dispose());
            lanes.ForEach(l => l.Dispose());
            run.Stop.Dispose();
            // Files staged but not committed (the run stopped) leave their rows behind otherwise.
            foreach (var slot in slots.Skip(committed))
            {
                try
                {
                    DropWorkTables(new WorkTables(slot));
                }
                catch (DuckDbException) when (failed)
                {
                    // The run is ending with its own failure, most likely the store's, which this one repeats.
                }
            }
        }

        if (run.Failure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return results;
    }

    /// <summary>
    /// A run's stop signal, and the first failure of its staging. A failure after the run was stopped is
    /// a consequence of the stop (an interrupted statement), not recorded.
    /// </summary>
    private sealed class StagingRun(CancellationTokenSource stop)
    {
        private Exception? _failure;

        public CancellationTokenSource Stop { get; } = stop;

        public Exception? Failure => Volatile.Read(ref _failure);

        /// <summary>Records the failure; the failing lane stops, the others go on until the commit reaches it.</summary>
        public void Fail(Exception failure)
        {
            if (!Stop.IsCancellationRequested)
            {
                Interlocked.CompareExchange(ref _failure, failure, null);
            }
        }
    }

    private Task StageLane(
        int lane, int laneCount, DuckDbConnection connection, BlockingCollection<StagedFile> staged,
        IReadOnlyList<string> files, MappingProfile? profile, List<long> slots, StagingRun run) =>
        Task.Run(
            () =>
            {
                try
                {
                    var stager = NewStager(connection);
                    for (var i = lane; i < files.Count && !run.Stop.IsCancellationRequested; i += laneCount)
                    {
                        staged.Add(stager.Stage(files[i], profile ?? ProfileFor(Path.GetFileName(files[i])), slots[i]), run.Stop.Token);
                    }
                }
                catch (OperationCanceledException) when (run.Stop.IsCancellationRequested)
                {
                    // Stopped while waiting for the commit to take a file.
                }
                catch (Exception ex)
                {
                    // Thrown by IngestAll once the files before this one are committed and the run is cleaned up.
                    run.Fail(ex);
                }
                finally
                {
                    staged.CompleteAdding();
                }
            },
            CancellationToken.None);

}
