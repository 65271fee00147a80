package id.pantau.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the Pantau VMS: wires storage and recorder, serves the API and UI. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PantauApplication {

  public static void main(String[] args) {
    SpringApplication.run(PantauApplication.class, args);
  }
}
