package dev.meshprov.mwaa;

import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.mwaa.DagStore;
import dev.meshprov.core.mwaa.MwaaTechnology;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.port.TechnologyContext;
import dev.meshprov.core.port.TechnologyDescriptor;
import dev.meshprov.core.port.TechnologyProvider;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Creates the Airflow on Amazon MWAA technology from the {@code mwaa} configuration section (see
 * {@link MwaaConfig}). Without any configuration it deploys DAGs to {@code ./airflow/dags}, reading them from
 * {@code ./airflow/staging}. Creation makes no call to S3 or the disk.
 */
public final class MwaaTechnologyProvider implements TechnologyProvider {

    /** The technology's name: its configuration section, URL prefix and routing key. */
    public static final String NAME = "mwaa";

    private static final TechnologyDescriptor DESCRIPTOR = new TechnologyDescriptor(
            NAME,
            "Airflow on Amazon MWAA",
            ExecutionMode.SYNC,
            true,
            Set.of("workload"),
            "Without configuration, DAGs are deployed to the local folder ./airflow (staging/ -> dags/). For Amazon"
                    + " MWAA set mwaa.store: s3, mwaa.s3.region and the buckets descriptors may use"
                    + " (mwaa.allowedBuckets, or mwaa.environments.<environment>.bucket); optionally mwaa.s3.endpoint"
                    + " and mwaa.s3.pathStyle for S3-compatible stores, mwaa.environments.<environment>.sourcePath,"
                    + " destinationPath and airflowUiUrl, and mwaa.legacyDottedNames.cleanup. For another local folder"
                    + " set mwaa.filesystem.root.");

    private final Consumer<S3ClientBuilder> s3Customizer;

    /** The provider {@link java.util.ServiceLoader} creates. */
    public MwaaTechnologyProvider() {
        this(builder -> {});
    }

    /** A provider whose S3 clients are adjusted last by {@code s3Customizer} (tests: static credentials). */
    MwaaTechnologyProvider(Consumer<S3ClientBuilder> s3Customizer) {
        this.s3Customizer = s3Customizer;
    }

    @Override
    public TechnologyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Validation<Seq<Problem>, Technology<?>> create(ConfigSection config, TechnologyContext context) {
        return config.bind(MwaaConfig.class)
                .flatMap(bound -> MwaaSetup.from(bound, section(config), context.workingDirectory()))
                .map(setup -> new MwaaTechnology(
                        setup.settings(), store(setup, context), context.clock(), context.redactor()));
    }

    private static ConfigSection section(ConfigSection config) {
        return config.path().isEmpty() ? new ConfigSection(NAME, config.node()) : config;
    }

    private DagStore store(MwaaSetup setup, TechnologyContext context) {
        if (setup.store() == MwaaConfig.Store.S3) {
            MwaaSetup.S3Settings s3 = setup.s3().orElseThrow();
            String where = s3.endpoint().map(endpoint -> "at " + endpoint).orElse("in region " + s3.region());
            return new S3DagStore(S3Clients.build(s3, context.observer(), s3Customizer), context.redactor(), where);
        }
        MwaaSetup.FolderSettings folder = setup.folder().orElseThrow();
        return new FileSystemDagStore(folder.root(), folder.bucketFolders(), context.observer());
    }
}
