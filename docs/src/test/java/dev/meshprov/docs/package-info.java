/**
 * The checks that keep the documentation and the deployment recipes honest: the configuration reference generated
 * from the configuration model, the embedding guide's snippets compared with compiled sources, the user guide's
 * configuration examples booted, the Dockerfile parsed, and the Helm chart rendered by a renderer of the template
 * subset it is written in. Test sources only; nothing here ships.
 */
package dev.meshprov.docs;
