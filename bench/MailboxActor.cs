namespace VibeCoder.Bench;

/// <summary>
/// The baseline of <c>grain-calls</c>: the least an actor can be — one queue and one worker per actor, a task
/// per call, no identity, no directory, no timeouts, no lifecycle. Scheduled the way any lean mailbox is:
/// the worker runs on the thread pool only while the queue has messages, and yields the thread after a fixed
/// number of messages (the same 64 the runtime uses) — without that, a caller whose continuation runs inline
/// keeps one actor on a core forever and the others starve, which no real actor system allows.
/// </summary>
internal sealed class MailboxActor : IThreadPoolWorkItem
{
    private readonly Queue<(int Value, TaskCompletionSource<int> Reply)> _queue = new();
    private bool _scheduled;
    private int _calls;

    public Task<int> Ping(int value)
    {
        var reply = new TaskCompletionSource<int>();
        lock (_queue)
        {
            _queue.Enqueue((value, reply));
            if (_scheduled)
            {
                return reply.Task;
            }

            _scheduled = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return reply.Task;
    }

    private const int Throughput = 64;

    public void Execute()
    {
        for (var budget = Throughput; budget > 0; budget--)
        {
            (int Value, TaskCompletionSource<int> Reply) message;
            lock (_queue)
            {
                if (!_queue.TryDequeue(out message))
                {
                    _scheduled = false;
                    return;
                }
            }

            _calls++;
            message.Reply.SetResult(message.Value + 1);
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }
}
