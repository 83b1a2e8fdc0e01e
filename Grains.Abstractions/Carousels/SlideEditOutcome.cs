namespace VibeCoder.Grains.Carousels;

/// <summary>How an edit (or an undo) of a carousel ended.</summary>
public enum SlideEditOutcome
{
    /// <summary>Applied and stored: the carousel has a new revision.</summary>
    Applied = 0,

    /// <summary>No job has this id.</summary>
    NotFound = 1,

    /// <summary>The job is not completed (still running, failed or cancelled): only finished carousels are edited.</summary>
    NotEditable = 2,

    /// <summary>The caller saw another revision than the current one (someone else edited first): nothing changed.</summary>
    Conflict = 3,

    /// <summary>The edit is not possible as asked (no such slide, text too long or empty, fewer than 3 slides left); see the error.</summary>
    Invalid = 4,

    /// <summary>An undo found nothing to go back to.</summary>
    NothingToUndo = 5,

    /// <summary>The content generator could not write a new version of the slide now (a rewrite); nothing changed. See the error.</summary>
    Unavailable = 6,
}
