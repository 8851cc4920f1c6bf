package vn.lienthong.hub.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.hub.reference.CodeLists;

/** Reference data every connector shares: the national code lists. */
@Configuration
public class ReferenceDataConfig {

    @Bean
    public CodeLists codeLists() {
        return CodeLists.standard();
    }
}
