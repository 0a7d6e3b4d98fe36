package io.kanzen.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.DownloadHandle;
import io.kanzen.api.DownloadRequest;
import io.kanzen.api.DownloadState;
import io.kanzen.api.DownloadStatus;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import io.kanzen.api.client.DownloadClient;
import org.junit.jupiter.api.Test;

/** The promises every download client keeps, run against the real program where one can run. */
public abstract class DownloadClientContractTest {
    /** A client connected to a running peer with the right credentials. */
    protected abstract DownloadClient givenARunningClient();

    protected abstract DownloadClient givenAWrongPassword();

    /** A client pointed at a port where nothing listens. */
    protected abstract DownloadClient givenADeadPeer();

    /** A request the client accepts; each call may return the same link. */
    protected abstract DownloadRequest sampleRequest();

    /** A handle of this client's kind that the peer does not know. */
    protected abstract DownloadHandle unknownHandle();

    @Test
    void a_running_client_passes_the_connection_check() {
        try (DownloadClient client = givenARunningClient()) {
            client.checkConnection();
        }
    }

    @Test
    void the_client_accepts_the_kind_of_its_sample_request() {
        try (DownloadClient client = givenARunningClient()) {
            assertThat(client.accepts()).contains(sampleRequest().kind());
        }
    }

    @Test
    void submitting_the_same_link_twice_succeeds_with_the_same_handle() {
        try (DownloadClient client = givenARunningClient()) {
            DownloadHandle first = client.submit(sampleRequest());
            DownloadHandle second = client.submit(sampleRequest());
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void a_submitted_download_has_a_status_and_an_unknown_one_is_missing() {
        try (DownloadClient client = givenARunningClient()) {
            DownloadHandle handle = client.submit(sampleRequest());
            DownloadStatus status = client.status(handle);
            assertThat(status.handle()).isEqualTo(handle);
            assertThat(status.state()).isNotEqualTo(DownloadState.MISSING);
            assertThat(client.status(unknownHandle()).state()).isEqualTo(DownloadState.MISSING);
        }
    }

    @Test
    void a_wrong_password_is_an_authentication_error() {
        try (DownloadClient client = givenAWrongPassword()) {
            assertThatThrownBy(client::checkConnection).isInstanceOfSatisfying(PluginException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
        }
    }

    @Test
    void a_dead_peer_is_unavailable() {
        try (DownloadClient client = givenADeadPeer()) {
            assertThatThrownBy(client::checkConnection).isInstanceOfSatisfying(PluginException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
        }
    }
}
