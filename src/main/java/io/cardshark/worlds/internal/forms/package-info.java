/**
 * CardShark's later world forms, converted to the store's world-folder model: the rooms-array
 * {@code world_state.json} (form R, 7ed7471), the V2 world card PNG (a151ac3), the ZIP export format 1
 * (bf1064a) and the {@code .cardshark.zip} export (dfdeec8).
 *
 * <p>Everything here is a pure function of bytes: no database, no clock, no file written. The readers under the
 * converters ({@link io.cardshark.worlds.internal.forms.PngChunks}, {@link io.cardshark.worlds.internal.forms.SafeZip},
 * {@link io.cardshark.worlds.internal.forms.CharacterCard}) treat every input as hostile: sizes, counts,
 * inflation and names are bounded and checked before anything is trusted, and every refusal is a
 * {@link io.cardshark.worlds.folder.FolderFormatException} naming the file, the archive entry and the PNG chunk.
 *
 * <p>Entry points: {@link io.cardshark.worlds.internal.forms.LaterForms#convert(java.nio.file.Path)} and
 * {@link io.cardshark.worlds.internal.forms.RoomsArrayForm#convert(String, io.cardshark.worlds.internal.json.JsonObject, byte[])}.
 *
 * <p>Internal: not part of the store's API.
 */
package io.cardshark.worlds.internal.forms;
