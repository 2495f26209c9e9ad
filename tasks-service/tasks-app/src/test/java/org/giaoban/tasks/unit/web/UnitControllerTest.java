package org.giaoban.tasks.unit.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(UnitController.class)
class UnitControllerTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void theCatalogueStartsWithTheCityCommissionAndKeepsVietnameseNames() throws Exception {
        mvc.perform(get("/api/units"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.length()").value(34))
                .andExpect(jsonPath("$[0].id").value("HN"))
                .andExpect(jsonPath("$[0].kind").value("CITY"))
                .andExpect(jsonPath("$[?(@.id == 'HN-HOANKIEM')].name").value("Ban Tuyên giáo Quận ủy Hoàn Kiếm"))
                .andExpect(jsonPath("$[?(@.id == 'HN-HOANKIEM')].kind").value("DISTRICT"))
                .andExpect(jsonPath("$[?(@.id == 'HN-HOANKIEM')].parentId").value("HN"));
    }
}
