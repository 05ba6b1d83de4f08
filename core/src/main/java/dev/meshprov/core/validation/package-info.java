/**
 * How problems are accumulated and reported: Vavr {@code Validation<Seq<Problem>, T>} helpers and a
 * {@link dev.meshprov.core.validation.FieldReader} that reads typed fields from a descriptor tree, naming the dot
 * path and a fix for every problem. No technology rules live here, only the mechanics every rule shares.
 */
package dev.meshprov.core.validation;
