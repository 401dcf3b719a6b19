/**
 * The language of Kadence (DESIGN §9): what people type or say, read into the same commands the API takes.
 * Deterministic and offline: a pure function of the text, the user's zone and date order, and now.
 * <ul>
 *   <li>{@link QuickAdd} reads one line of a quick add ("Pay rent every month on the 1st p1 #home") into a
 *       {@link QuickAdd.Reading}: a task as {@code POST /tasks} takes it, and what was read as what, span by span.</li>
 *   <li>The grammar is data: phrase families, each a pattern, what it produces, and examples that are its tests.</li>
 * </ul>
 */
package dev.kadence.core.language;
