package id.pantau.web.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading topology sheets: cells by field, the line each row starts on, and errors that name line and field. */
class TopologyRowsTest {

  @Test
  void csvQuotedCellsKeepCommasQuotesAndLineBreaksAndRowsKeepTheirFirstLine() {
    List<TopologyImport.RowError> errors = new ArrayList<>();
    List<TopologyRows.Row> rows = TopologyRows.csv("Type,ID,Name\r\n"
        + "site,pasar,\"Pasar \"\"Baru\"\", Blok A\"\r\n"
        + "link,fo-1,\"two\nlines\"\r\n"
        + "\r\n"
        + "camera,cam-1\r\n", errors);
    assertThat(errors).isEmpty();
    assertThat(rows).extracting(TopologyRows.Row::type).containsExactly("site", "link", "camera");
    assertThat(rows).extracting(TopologyRows.Row::line).containsExactly(2, 3, 6);
    assertThat(rows.get(0).get("name")).isEqualTo("Pasar \"Baru\", Blok A");
    assertThat(rows.get(1).get("NAME")).isEqualTo("two\nlines");
    assertThat(rows.get(2).get("name")).isNull();
  }

  @Test
  void csvWithoutATypeColumnOrWithTooManyCellsIsNamed() {
    List<TopologyImport.RowError> errors = new ArrayList<>();
    assertThat(TopologyRows.csv("id,name\nx,y\n", errors)).isEmpty();
    assertThat(errors).containsExactly(new TopologyImport.RowError(1, "type", "the header needs a 'type' column"));
    errors.clear();
    TopologyRows.csv("type,id\nsite,a,extra\nsite,\"open\n", errors);
    assertThat(errors).extracting(TopologyImport.RowError::line).containsExactly(3, 2);
  }

  @Test
  void yamlRowsCarryTheLineOfTheirEntryAndBadSectionsAreNamed() {
    List<TopologyImport.RowError> errors = new ArrayList<>();
    List<TopologyRows.Row> rows = TopologyRows.yaml("""
        sites:
          - id: balai
            name: Balai Kota
        links:
          - {id: fo-1, capacityMbps: 100}
        routers:
          - {id: r1}
        cameras:
          - id: cam-1
            site: [not, plain]
        """, errors);
    assertThat(rows).extracting(TopologyRows.Row::type).containsExactly("site", "link", "camera");
    assertThat(rows).extracting(TopologyRows.Row::line).containsExactly(2, 5, 9);
    assertThat(rows.get(1).get("capacitymbps")).isEqualTo("100");
    assertThat(errors).extracting(e -> e.line() + ":" + e.field()).containsExactly("6:routers", "10:site");
  }

  @Test
  void notYamlAtAllIsOneError() {
    List<TopologyImport.RowError> errors = new ArrayList<>();
    assertThat(TopologyRows.yaml("sites: [unclosed", errors)).isEmpty();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).message()).startsWith("not YAML");
  }
}
