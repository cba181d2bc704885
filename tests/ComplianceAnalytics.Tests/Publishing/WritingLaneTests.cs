using ComplianceAnalytics.Publishing;

namespace ComplianceAnalytics.Tests.Publishing;

/// <summary>The lane that writes a report's files while the store's thread goes on querying.</summary>
public sealed class WritingLaneTests
{
    private static OutputFile File(string name) => new(name, "hash of " + name);

    [Fact]
    public void Jobs_run_one_at_a_time_in_the_order_added_and_Finish_gives_what_they_wrote()
    {
        using var lane = new WritingLane();
        var running = 0;
        var overlapped = false;
        for (var i = 0; i < 6; i++)
        {
            var name = "file" + i;
            lane.Add(() =>
            {
                overlapped |= Interlocked.Increment(ref running) > 1;
                Thread.Sleep(5);
                Interlocked.Decrement(ref running);
                return [File(name)];
            });
        }

        Assert.Equal(Enumerable.Range(0, 6).Select(i => "file" + i), lane.Finish().Select(f => f.Path));
        Assert.False(overlapped);
    }

    [Fact]
    public void A_failing_job_stops_the_lane_and_its_failure_is_thrown()
    {
        using var lane = new WritingLane();
        var ranAfter = false;
        lane.Add(() => throw new IOException("disk full"));
        // The lane holds two waiting jobs at most: adding more waits for room, and the failure ends that wait.
        var thrown = Record.Exception(() =>
        {
            for (var i = 0; i < 10; i++)
            {
                lane.Add(() =>
                {
                    ranAfter = true;
                    return [File("after")];
                });
            }

            lane.Finish();
        });

        Assert.Equal("disk full", Assert.IsType<IOException>(thrown).Message);
        Assert.False(ranAfter);
    }

    [Fact]
    public void Stop_waits_for_the_job_being_written_runs_no_other_and_gives_its_failure()
    {
        using var lane = new WritingLane();
        using var started = new ManualResetEventSlim();
        var finished = false;
        var ranAfter = false;
        lane.Add(() =>
        {
            started.Set();
            Thread.Sleep(50);
            finished = true;
            throw new InvalidOperationException("half written");
        });
        lane.Add(() =>
        {
            ranAfter = true;
            return [];
        });
        started.Wait();

        var failure = lane.Stop();

        Assert.True(finished);
        Assert.False(ranAfter);
        Assert.Equal("half written", Assert.IsType<InvalidOperationException>(failure).Message);
    }
}
