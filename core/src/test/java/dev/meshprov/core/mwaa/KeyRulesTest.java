package dev.meshprov.core.mwaa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"dags/", "dags", "airflow/dags/", "a.b/c-d/", "source"})
    void acceptsRelativePrefixes(String path) {
        assertThat(KeyRules.prefixPathProblem(path)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            /dags/           | absolute path
            ../dags/         | contains '..'
            dags/../../etc/  | contains '..'
            dags/..          | contains '..'
            ./dags/          | '.' folder
            dags//x/         | empty folder name
            dags\\x          | contains '\\'
            """)
    void rejectsEscapingPrefixes(String path, String reason) {
        assertThat(KeyRules.prefixPathProblem(path))
                .hasValueSatisfying(r -> assertThat(r).contains(reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"requirements.txt", "dags/plugins.zip", "dags/.airflowignore", "plugins.zip/x.py"})
    void keysOnTheEnvironmentsOwnFilesAreRefused(String key) {
        assertThat(KeyRules.reservedKeyProblem(key)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dags/requirements_check.py", "dags/finance_cashflow_1_descriptor.yaml"})
    void ordinaryKeysAreFine(String key) {
        assertThat(KeyRules.reservedKeyProblem(key)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Finance", "ab", "a..b", "-abc", "abc-", "192.168.0.1", "my_bucket"})
    void rejectsInvalidBucketNames(String bucket) {
        assertThat(KeyRules.bucketProblem(bucket)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"finance-mwaa-dev", "abc", "my.bucket.1"})
    void acceptsValidBucketNames(String bucket) {
        assertThat(KeyRules.bucketProblem(bucket)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"dags/staging/,dags/", "dags/,dags/", "dags,dags/"})
    void stagingInsideTheDagFolderIsRefused(String source, String destination) {
        assertThat(KeyRules.stagingInsideDagFolder(source, destination)).isPresent();
    }

    @ParameterizedTest
    @CsvSource({"source/,dags/", "dags-staging/,dags/", "staging/,staging/dags/"})
    void stagingOutsideTheDagFolderIsFine(String source, String destination) {
        assertThat(KeyRules.stagingInsideDagFolder(source, destination)).isEmpty();
    }
}
