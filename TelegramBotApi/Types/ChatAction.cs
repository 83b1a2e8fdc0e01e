namespace VibeCoder.Telegram.Types;

/// <summary>What the bot tells the user it is doing (sendChatAction); shown for about five seconds.</summary>
public enum ChatAction
{
    /// <summary><c>typing</c>.</summary>
    Typing,

    /// <summary><c>upload_photo</c>.</summary>
    UploadPhoto,

    /// <summary><c>upload_document</c>.</summary>
    UploadDocument,
}
