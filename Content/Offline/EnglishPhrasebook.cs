using VibeCoder.Grains.Carousels;

namespace VibeCoder.Content.Offline;

/// <summary>The offline generator's English words.</summary>
internal sealed class EnglishPhrasebook : OfflinePhrasebook
{
    public static EnglishPhrasebook Instance { get; } = new();

    public override string Language => ContentLanguage.English;

    public override IReadOnlySet<string> StopWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "without", "how", "what", "why", "when", "where", "who", "which", "are", "was",
        "were", "you", "your", "yours", "our", "ours", "their", "they", "them", "this", "that", "these", "those",
        "from", "into", "onto", "about", "can", "could", "will", "would", "should", "shall", "must", "not", "but",
        "its", "his", "her", "she", "him", "has", "have", "had", "does", "did", "doing", "done", "any",
        "some", "all", "more", "most", "much", "many", "very", "just", "than", "then", "also", "too", "out", "get",
        "got", "make", "one", "two", "way", "ways", "thing", "things", "tips", "best", "top", "guide", "need",
        "want", "use", "using", "start", "starting", "per", "via", "over", "under", "after", "before", "while", "each", "every",
    };

    public override IReadOnlyList<string> GenericHashtags { get; } = ["#tips", "#howto", "#learning", "#selfimprovement", "#carousel"];

    public override IReadOnlyList<string> SummaryHeadings { get; } = ["In short", "Let's recap", "The key points"];

    public override IReadOnlyList<SlideTemplate> Templates { get; } =
    [
        new("why", 10, SlideKind.Content, ["Why it matters", "Why this is worth your time"], c =>
            $"When it comes to {c.Quoted}, small, steady steps beat rare bursts of effort. Get it right and it saves time, "
            + "lowers stress and keeps paying off. Put it off and it quietly costs you a little every week."),
        new("mindset", 12, SlideKind.Content, ["The right mindset", "Start with the mindset"], c =>
            $"Treat {c.Quoted} as an experiment, not an exam. Every attempt gives you information, and every mistake "
            + "shows you what to adjust next. Curiosity keeps you going longer than pressure does."),
        new("core", 15, SlideKind.Content, ["The core idea", "What it really comes down to"], c =>
            $"Strip {c.Quoted} down to its essence: one clear goal, a simple routine and honest feedback. "
            + "Everything else is detail you can add once the basics work."),
        new("questions", 18, SlideKind.List, ["Ask yourself first", "Questions to start with"], _ =>
            "What exactly do I want to achieve?\nWhat is stopping me right now?\nWhat is the smallest next step?\n"
            + "How will I know it is working?"),
        new("myth", 20, SlideKind.Content, ["Myth vs fact", "A myth worth dropping"], c =>
            $"Myth: {c.Quoted} is only for experts or people with lots of free time.\nFact: beginners who start small "
            + "and stay consistent get most of the benefit. Experience comes from doing, not from waiting."),
        new("mistakes", 30, SlideKind.List, ["Common mistakes", "Mistakes almost everyone makes"], _ =>
            "Trying to do everything at once\nCopying someone else's plan without adapting it\n"
            + "Skipping the basics to get to the \"advanced\" part\nGiving up after the first setback"),
        new("trap", 32, SlideKind.Content, ["The biggest trap", "The trap to avoid"], c =>
            $"Waiting until you feel ready. With {c.Quoted}, confidence comes from doing, not from endless preparation. "
            + "Start before you feel ready, then improve as you go."),
        new("dodont", 35, SlideKind.List, ["Do and don't", "Dos and don'ts"], _ =>
            "✓ Start small and stay consistent\n✓ Write down what works\n"
            + "✗ Compare your first step with someone else's fifth year\n✗ Chase every new trend"),
        new("steps", 40, SlideKind.List, ["Step by step", "A simple plan in five steps"], _ =>
            "1. Decide what success looks like\n2. Pick one small first action\n3. Put it in your calendar\n"
            + "4. Review honestly after a week\n5. Adjust and repeat"),
        new("start", 45, SlideKind.Content, ["Start in 15 minutes", "Your first move today"], c =>
            "Don't wait for the perfect moment. Set a 15-minute timer today and do the smallest useful thing for "
            + $"{c.Quoted}. Momentum matters more than a perfect plan."),
        new("wins", 48, SlideKind.List, ["Quick wins", "Easy wins for this week"], _ =>
            "Remove one obstacle that slows you down\nBlock a regular time slot for it\n"
            + "Ask someone who has done it for one tip\nCelebrate the first small result"),
        new("quote", 50, SlideKind.Quote, ["Words worth remembering", "Keep this in mind"], c => c.Pick(
            "“We are what we repeatedly do. Excellence, then, is not an act, but a habit.”\n— Will Durant",
            "“The best time to plant a tree was 20 years ago. The second best time is now.”\n— Chinese proverb",
            "“Well begun is half done.”\n— Aristotle")),
        new("pareto", 52, SlideKind.Content, ["The 80/20 rule", "Focus on what moves the needle"], c =>
            $"With {c.Quoted}, a few actions bring most of the results. Find the 20% that matter most for you "
            + "and protect time for them before anything else."),
        new("example", 55, SlideKind.Content, ["An example", "What it looks like in real life"], c =>
            $"Imagine someone new to {c.Quoted}. Week one: 15 minutes a day, one goal and short notes on what worked. "
            + "Week four: a routine that feels natural and results they can see. No magic, just a system."),
        new("progress", 57, SlideKind.Content, ["How to track progress", "Measure what matters"], c =>
            $"Pick one or two simple measures for {c.Quoted}: time spent, results, how you feel. Check them weekly, "
            + "not hourly: trends tell the truth, single days don't."),
        new("toolkit", 58, SlideKind.List, ["What you need", "Your toolkit"], _ =>
            "A clear goal, written down\nA fixed time slot in your week\nOne trusted source to learn from\n"
            + "A simple way to track progress"),
        new("checklist", 60, SlideKind.List, ["Quick checklist", "Checklist before you start"], _ =>
            "✓ I know why I'm doing this\n✓ I have a first step for this week\n✓ I know the mistakes to avoid\n"
            + "✓ I track my progress\n✓ I review and adjust"),
        new("week", 62, SlideKind.List, ["Your first week", "A plan for the first seven days"], _ =>
            "Day 1: set one clear goal\nDay 2: learn the basics from one good source\nDays 3–5: practise a little every day\n"
            + "Day 6: note what worked and what didn't\nDay 7: plan the next week"),
        new("levelup", 65, SlideKind.Content, ["Ready for the next level?", "How to go further"], c =>
            $"Once the basics of {c.Quoted} feel easy, raise the bar: set a slightly harder goal, learn from people one "
            + "step ahead of you, and explain what you know to someone else. Teaching shows you the gaps."),
        new("remember", 70, SlideKind.Quote, ["Remember", "The one thing to remember"], _ =>
            "Consistency beats intensity. Small steps every week add up to more than one heroic effort."),
    ];

    protected override IReadOnlySet<string> QuestionStarters { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "how", "why", "what", "when", "where", "who", "which", "should", "can", "is", "are", "do", "does", "will",
    };

    public override string Quote(string text) => $"“{text}”";

    public override SlideContent Cover(OfflineWritingContext context)
    {
        var topic = context.Topic;
        var heading = UsesTopicAsHeading(topic)
            ? topic.Heading
            : topic.Heading + context.Pick(": the essentials", ": a practical guide", ": where to start", ": what nobody tells you");
        var body = context.ContentSlideCount >= 3
            ? context.Pick(
                $"{context.ContentSlideCount} short slides: what matters, what to avoid and where to start. Swipe →",
                "The short guide I wish I'd had earlier. Save it and swipe →",
                "No fluff, only what you can use today. Swipe →")
            : context.Pick("The short guide I wish I'd had earlier. Swipe →", "No fluff, only what you can use today. Swipe →");
        return new SlideContent(SlideKind.Cover, heading, body);
    }

    public override SlideContent CallToAction(OfflineWritingContext context)
    {
        var heading = context.Pick("Save this for later", "Found this useful?", "Your turn");
        var body = context.Pick(
            $"Save this post so it's there when you need it, and share it with a friend who cares about {context.Quoted}. "
            + "Which tip will you try first? Tell me in the comments.",
            "Follow for more practical carousels like this one. Share it with someone who needs it, and tell me in the "
            + "comments what you would add.");
        return new SlideContent(SlideKind.CallToAction, heading, body);
    }

    public override string Caption(OfflineWritingContext context, string title, IReadOnlyList<string> highlights)
    {
        var lead = context.Pick(
            $"A short, practical guide to {context.Quoted}: no fluff, just what helps.",
            $"Everything important about {context.Quoted}, in one place.");
        var inside = highlights.Count == 0
            ? string.Empty
            : " Inside: " + JoinAsSentence(highlights.Select(LowerFirst).ToList(), "and") + ".";
        return $"{title}\n\n{lead}{inside}\n\n💾 Save it for later and share it with someone who needs it.\n"
            + "👇 What would you add? Tell me in the comments.";
    }
}
