package dev.meshprov.airbyte;

import com.fasterxml.jackson.databind.JavaType;
import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists every entity of a collection in a workspace, page after page, following Airbyte's {@code next} links (of
 * which only the offset is taken) until a page is the last, empty, or would go back.
 */
final class PagedListing {

    /** Entities per list page requested (Airbyte's maximum is 100). */
    static final int PAGE_SIZE = 100;

    private static final int MAX_PAGES = 10_000;
    private static final Pattern OFFSET = Pattern.compile("[?&]offset=(\\d+)");

    private final AirbyteApi api;
    private final CallRunner runner;
    private final JsonBodies bodies;

    PagedListing(AirbyteApi api, CallRunner runner, JsonBodies bodies) {
        this.api = api;
        this.runner = runner;
        this.bodies = bodies;
    }

    /** Every entity of {@code collection} in the workspace, each read as {@code wireType} and mapped. */
    <W, T> Either<UpstreamFailure, List<T>> all(
            String collection, String workspaceId, Class<W> wireType, Function<W, Either<String, T>> mapping) {
        CallRunner.Reader<PageOf<T>> reader = pageReader(wireType, mapping);
        List<T> all = new ArrayList<>();
        int offset = 0;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            int from = offset;
            Either<UpstreamFailure, PageOf<T>> page = runner.safe(
                    Call.onCollection("GET", collection),
                    auth -> api.list(auth, collection, workspaceId, PAGE_SIZE, from),
                    reader);
            if (page.isLeft()) {
                return Either.left(page.getLeft());
            }
            all.addAll(page.get().items());
            String next = page.get().next();
            if (next == null || next.isBlank() || page.get().items().isEmpty()) {
                break;
            }
            int nextOffset = nextOffset(next).orElse(offset + page.get().items().size());
            if (nextOffset <= offset) {
                break;
            }
            offset = nextOffset;
        }
        return Either.right(all);
    }

    /** One page of a list, mapped. */
    private record PageOf<T>(List<T> items, String next) {}

    /** Reads a page of {@code wireType} and maps each element; one element that does not map fails the page. */
    private <W, T> CallRunner.Reader<PageOf<T>> pageReader(Class<W> wireType, Function<W, Either<String, T>> mapping) {
        JavaType pageType = bodies.mapper().getTypeFactory().constructParametricType(Wire.Page.class, wireType);
        return bodies.<Wire.Page<W>>reader(pageType).then(page -> {
            List<T> items = new ArrayList<>();
            for (W element : Optional.ofNullable(page.data()).orElse(List.of())) {
                Either<String, T> item = mapping.apply(element);
                if (item.isLeft()) {
                    return Either.left(item.getLeft());
                }
                items.add(item.get());
            }
            return Either.right(new PageOf<>(items, page.next()));
        });
    }

    /**
     * The offset of the {@code next} link. Only the offset is taken: the link's host may be Airbyte's internal
     * address, which meshprov cannot reach.
     */
    private static Optional<Integer> nextOffset(String next) {
        String query = next.contains("?") ? next.substring(next.indexOf('?')) : "";
        try {
            query = Optional.ofNullable(URI.create(next).getRawQuery())
                    .map(q -> "?" + q)
                    .orElse(query);
        } catch (IllegalArgumentException e) {
            // not a URI; read the text as it is
        }
        Matcher matcher = OFFSET.matcher(query);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }
}
