package boxoffice.config;

import static boxoffice.testing.http.HttpTestClient.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.testing.FleetTier;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.AppProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings given as environment variables to a real service process, as an operator gives them. */
@FleetTier
class ConfigurationProcessTest {

    @Test
    void anOrganizerKeyStartingWithAHashTurnsAuthenticationOn() throws Exception {
        try (AppProcess app = AppProcess.start(Map.of("ORGANIZER_API_KEYS", "#Zx81kQ"))) {
            HttpTestClient api = new HttpTestClient(app.api().toString());
            api.post("/api/v1/events", obj("name", "Show", "total_seats", 5)).assertError(401, "UNAUTHORIZED");
            assertThat(api.post("/api/v1/events", obj("name", "Show", "total_seats", 5),
                    "Authorization", "Bearer #Zx81kQ").status()).isEqualTo(201);
        }
    }

    @Test
    void organizerKeysSetButEmptyStopTheStart() {
        assertThatThrownBy(() -> AppProcess.start(Map.of("ORGANIZER_API_KEYS", " , ")).close())
                .hasMessageContaining("exited at start-up")
                .hasMessageContaining("ORGANIZER_API_KEYS");
    }
}
