package boxoffice.testing.process;

import boxoffice.BoxOfficeConfiguration;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.IOException;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;

/**
 * Reads the project's {@code config.yml} exactly as the service does at start-up (variables substituted into the text,
 * then YAML, then Bean Validation), with the given environment variables instead of the process's own.
 */
public final class ConfigFile {
    /** Built once: a validator's and an object mapper's set-up costs more than reading the file (both are reusable). */
    private static final YamlConfigurationFactory<BoxOfficeConfiguration> FACTORY = new YamlConfigurationFactory<>(
            BoxOfficeConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");

    private ConfigFile() {}

    /** The validated configuration; a bad combination throws {@link ConfigurationException} with its message. */
    public static BoxOfficeConfiguration load(Map<String, String> environment)
            throws IOException, ConfigurationException {
        StringSubstitutor variables = new StringSubstitutor(environment::get); // as EnvironmentVariableSubstitutor(false)
        return FACTORY.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), variables),
                BoxOfficeTestApp.CONFIG);
    }
}
