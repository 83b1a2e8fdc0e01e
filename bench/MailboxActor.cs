namespace VibeCoder.Bench;

/// <summary>
/// The baseline of <c>grain-calls</c>: the least an actor can be — one queue and one worker per actor, a task
/// per call, no identity, no directory, no timeouts, no lifecycle. Scheduled the way any lean mailbox is:
/// the worker runs on the thread pool only while the queue has messages.
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

    public void Execute()
    {
        while (true)
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
    }
}
